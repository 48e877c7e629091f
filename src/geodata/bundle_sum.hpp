#pragma once
// The bundle's identity for caches: the SHA-256 of its bytes, remembered per
// file in the user's cache folder so a cold start pays one stat(2), not a
// hash of 56 MB. A file whose device, inode, size or mtime changed is hashed
// again.
#include <string>

namespace bm {

// Lowercase hex SHA-256 of `path`; throws InputError when it cannot be read.
std::string bundle_checksum(const std::string& path);

}  // namespace bm

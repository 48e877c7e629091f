#include "render/png_writer.hpp"

#include <libdeflate.h>

#include <cerrno>
#include <cstdint>
#include <fstream>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "io/atomic.hpp"

namespace bm {
namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// A chunk: length, type, data, CRC-32 of type and data.
void chunk(std::ofstream& out, const char type[4], const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> head;
  put32(head, static_cast<std::uint32_t>(size));
  head.insert(head.end(), type, type + 4);
  std::uint32_t crc = libdeflate_crc32(0, type, 4);
  if (size) crc = libdeflate_crc32(crc, data, size);
  std::vector<std::uint8_t> tail;
  put32(tail, crc);
  out.write(reinterpret_cast<const char*>(head.data()), static_cast<std::streamsize>(head.size()));
  if (size) out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.write(reinterpret_cast<const char*>(tail.data()), 4);
}

// Cairo pixels are native-endian premultiplied ARGB.
inline std::uint8_t unpremultiply(std::uint32_t c, std::uint32_t a) {
  return static_cast<std::uint8_t>(a ? (c * 255 + a / 2) / a : 0);
}

// The image's rows as PNG scanlines (filter type 0, then RGB or RGBA
// bytes); null when `channels` is 3 and a pixel is not opaque. Rows are left
// unfiltered: on flat map colours deflate finds the repeated pixels itself;
// the "sub" filter made the file larger and slower. The buffer is left
// uninitialised (every byte is written): zero-filling 18 MB cost more page
// faults than the conversion itself.
std::unique_ptr<std::uint8_t[]> convert_rows(const unsigned char* data, int w, int h,
                                             std::ptrdiff_t stride, std::size_t channels) {
  const std::size_t row_bytes = 1 + static_cast<std::size_t>(w) * channels;
  std::unique_ptr<std::uint8_t[]> raw(new std::uint8_t[row_bytes * static_cast<std::size_t>(h)]);
  for (int y = 0; y < h; ++y) {
    std::uint8_t* out = raw.get() + row_bytes * static_cast<std::size_t>(y);
    *out++ = 0;  // filter type: none
    const auto* px =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const std::uint32_t v = px[x], a = v >> 24;
      std::uint32_t r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
      if (a != 0xff) {
        if (channels == 3) return nullptr;
        r = unpremultiply(r, a), g = unpremultiply(g, a), b = unpremultiply(b, a);
      }
      *out++ = static_cast<std::uint8_t>(r);
      *out++ = static_cast<std::uint8_t>(g);
      *out++ = static_cast<std::uint8_t>(b);
      if (channels == 4) *out++ = static_cast<std::uint8_t>(a);
    }
  }
  return raw;
}

}  // namespace

void write_png(cairo_surface_t* image, const std::string& path) {
  cairo_surface_flush(image);
  const int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
  const std::ptrdiff_t stride = cairo_image_surface_get_stride(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  if (!data || cairo_image_surface_get_format(image) != CAIRO_FORMAT_ARGB32 || w <= 0 || h <= 0)
    throw RenderError(path + ": internal: not an ARGB32 image");
  // Converted as RGB in one pass; the first pixel that is not opaque
  // restarts it as RGBA (a map's page is opaque: one pass, not a scan
  // for transparency and then a conversion).
  std::size_t channels = 3;
  std::unique_ptr<std::uint8_t[]> raw = convert_rows(data, w, h, stride, channels);
  if (!raw) raw = convert_rows(data, w, h, stride, channels = 4);
  const bool opaque = channels == 3;
  const std::size_t raw_size =
      (1 + static_cast<std::size_t>(w) * channels) * static_cast<std::size_t>(h);
  // libdeflate at level 1: the whole image in one call, several times
  // faster than zlib's streaming deflate at its default level.
  std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(
      libdeflate_alloc_compressor(1));
  if (!compressor) throw RenderError(path + ": cannot start the PNG compressor (out of memory)");
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), raw_size);
  std::unique_ptr<std::uint8_t[]> z(new std::uint8_t[bound]);
  const std::size_t zsize =
      libdeflate_zlib_compress(compressor.get(), raw.get(), raw_size, z.get(), bound);
  if (!zsize) throw RenderError(path + ": internal: PNG compression failed");

  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw RenderError(path + ": cannot open for writing — check the directory exists");
  static const std::uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  out.write(reinterpret_cast<const char*>(signature), 8);
  std::vector<std::uint8_t> ihdr;
  put32(ihdr, static_cast<std::uint32_t>(w));
  put32(ihdr, static_cast<std::uint32_t>(h));
  ihdr.insert(ihdr.end(), {8, static_cast<std::uint8_t>(opaque ? 2 : 6), 0, 0, 0});  // RGB / RGBA
  chunk(out, "IHDR", ihdr.data(), ihdr.size());
  chunk(out, "IDAT", z.get(), zsize);
  chunk(out, "IEND", nullptr, 0);
  out.close();
  if (!out) throw_write_error(path, errno ? errno : EIO);
}

}  // namespace bm

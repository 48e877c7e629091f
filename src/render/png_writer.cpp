#include "render/png_writer.hpp"

#include <libdeflate.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <vector>

#include "core/error.hpp"

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

}  // namespace

void write_png(cairo_surface_t* image, const std::string& path) {
  cairo_surface_flush(image);
  const int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
  const std::ptrdiff_t stride = cairo_image_surface_get_stride(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  if (!data || cairo_image_surface_get_format(image) != CAIRO_FORMAT_ARGB32 || w <= 0 || h <= 0)
    throw RenderError(path + ": internal: not an ARGB32 image");
  auto row_of = [&](int y) {
    return reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
  };
  bool opaque = true;
  for (int y = 0; y < h && opaque; ++y)
    for (int x = 0; x < w; ++x)
      if ((row_of(y)[x] >> 24) != 0xff) {
        opaque = false;
        break;
      }
  // Rows with PNG's "sub" filter (each byte minus the one a pixel before):
  // flat map colours become runs of zeros, which deflate quickly and well.
  const std::size_t channels = opaque ? 3 : 4;
  const std::size_t row_bytes = 1 + static_cast<std::size_t>(w) * channels;
  std::vector<std::uint8_t> raw(row_bytes * static_cast<std::size_t>(h));
  for (int y = 0; y < h; ++y) {
    std::uint8_t* out = raw.data() + row_bytes * static_cast<std::size_t>(y);
    *out++ = 1;  // filter type: sub
    std::uint8_t prev[4] = {0, 0, 0, 0};
    const std::uint32_t* px = row_of(y);
    for (int x = 0; x < w; ++x) {
      const std::uint32_t v = px[x], a = v >> 24;
      std::uint8_t c[4] = {static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
                           static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(a)};
      if (!opaque && a != 0xff)
        for (int k = 0; k < 3; ++k) c[k] = unpremultiply(c[k], a);
      for (std::size_t k = 0; k < channels; ++k) {
        *out++ = static_cast<std::uint8_t>(c[k] - prev[k]);
        prev[k] = c[k];
      }
    }
  }
  // libdeflate at level 1: the whole image in one call, several times
  // faster than zlib's streaming deflate at its default level.
  std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(
      libdeflate_alloc_compressor(1));
  if (!compressor) throw RenderError(path + ": cannot start the PNG compressor (out of memory)");
  std::vector<std::uint8_t> z(libdeflate_zlib_compress_bound(compressor.get(), raw.size()));
  const std::size_t zsize =
      libdeflate_zlib_compress(compressor.get(), raw.data(), raw.size(), z.data(), z.size());
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
  chunk(out, "IDAT", z.data(), zsize);
  chunk(out, "IEND", nullptr, 0);
  out.flush();
  if (!out) throw RenderError(path + ": cannot write (disk full?)");
}

}  // namespace bm

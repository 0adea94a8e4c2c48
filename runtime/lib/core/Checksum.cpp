// XXH64 (seed 0), written from the published description of the algorithm
// (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md).
#include "brt/Checksum.h"

#include <algorithm>
#include <cstring>

namespace brt {

namespace {
constexpr uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr uint64_t kPrime3 = 0x165667B19E3779F9ull;
constexpr uint64_t kPrime4 = 0x85EBCA77C2B2AE63ull;
constexpr uint64_t kPrime5 = 0x27D4EB2F165667C5ull;
constexpr size_t kStripe = 32;

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the checksum reads little-endian words directly");

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline uint64_t read64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

inline uint32_t read32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

inline uint64_t round(uint64_t acc, uint64_t input) {
  acc += input * kPrime2;
  acc = rotl(acc, 31);
  return acc * kPrime1;
}

inline uint64_t mergeRound(uint64_t acc, uint64_t value) {
  acc ^= round(0, value);
  return acc * kPrime1 + kPrime4;
}

// Consumes whole 32-byte stripes from `p`; returns the bytes consumed.
size_t consumeStripes(uint64_t acc[4], const uint8_t* p, size_t size) {
  size_t done = 0;
  for (; size - done >= kStripe; done += kStripe) {
    acc[0] = round(acc[0], read64(p + done));
    acc[1] = round(acc[1], read64(p + done + 8));
    acc[2] = round(acc[2], read64(p + done + 16));
    acc[3] = round(acc[3], read64(p + done + 24));
  }
  return done;
}
}  // namespace

Checksum64::Checksum64() {
  acc_[0] = kPrime1 + kPrime2;
  acc_[1] = kPrime2;
  acc_[2] = 0;
  acc_[3] = 0 - kPrime1;
}

void Checksum64::update(const void* data, size_t size) {
  if (size == 0) return;
  const uint8_t* p = static_cast<const uint8_t*>(data);
  total_ += size;
  if (stripeSize_ > 0) {  // complete the pending stripe first
    size_t take = std::min(size, kStripe - stripeSize_);
    std::memcpy(stripe_ + stripeSize_, p, take);
    stripeSize_ += take;
    p += take;
    size -= take;
    if (stripeSize_ < kStripe) return;
    consumeStripes(acc_, stripe_, kStripe);
    stripeSize_ = 0;
  }
  size_t done = consumeStripes(acc_, p, size);
  stripeSize_ = size - done;
  if (stripeSize_) std::memcpy(stripe_, p + done, stripeSize_);
}

uint64_t Checksum64::digest() const {
  uint64_t h;
  if (total_ >= kStripe) {
    h = rotl(acc_[0], 1) + rotl(acc_[1], 7) + rotl(acc_[2], 12) + rotl(acc_[3], 18);
    for (uint64_t acc : acc_) h = mergeRound(h, acc);
  } else {
    h = kPrime5;  // seed 0
  }
  h += total_;
  const uint8_t* p = stripe_;
  size_t left = stripeSize_;
  for (; left >= 8; p += 8, left -= 8) {
    h ^= round(0, read64(p));
    h = rotl(h, 27) * kPrime1 + kPrime4;
  }
  if (left >= 4) {
    h ^= static_cast<uint64_t>(read32(p)) * kPrime1;
    h = rotl(h, 23) * kPrime2 + kPrime3;
    p += 4;
    left -= 4;
  }
  for (; left > 0; ++p, --left) {
    h ^= static_cast<uint64_t>(*p) * kPrime5;
    h = rotl(h, 11) * kPrime1;
  }
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

uint64_t checksum64(const void* data, size_t size) {
  Checksum64 checksum;
  checksum.update(data, size);
  return checksum.digest();
}

}  // namespace brt

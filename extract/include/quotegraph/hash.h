// FNV-1a (Fowler–Noll–Vo), the project's one hash: the lookup tables' keys (32 bits) and the
// ids that must not collide across a corpus and must be the same on every machine and run
// (64 bits: quote ids, statement ids, a cut document id's suffix). Not for anything an
// adversary chooses to collide.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace quotegraph {

inline constexpr std::uint32_t kFnv1aBasis32 = 2166136261u;
inline constexpr std::uint64_t kFnv1aBasis64 = 1469598103934665603ull;

// One byte more of a 32-bit hash (for a loop that hashes what it writes, byte by byte).
constexpr std::uint32_t fnv1a_step(std::uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

// The 32-bit hash of `bytes`; `h` continues a hash over earlier bytes.
inline std::uint32_t fnv1a_hash(std::string_view bytes, std::uint32_t h = kFnv1aBasis32) {
  for (const char c : bytes) h = fnv1a_step(h, static_cast<unsigned char>(c));
  return h;
}

// The 64-bit hash of `bytes`; `h` continues a hash over earlier bytes.
inline std::uint64_t fnv1a_hash64(std::string_view bytes, std::uint64_t h = kFnv1aBasis64) {
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// A 64-bit hash as the ids write it: 16 lower-case hex digits.
inline std::string hex64(std::uint64_t h) {
  std::string digits(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) digits[i] = "0123456789abcdef"[h & 15];
  return digits;
}

}  // namespace quotegraph

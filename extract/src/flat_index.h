// An index from hashes to entries kept elsewhere (internal header), for the lookup tables of
// the hot path (the prefilters' word sets, the phrase cache): open addressing with linear
// probing over one array, a power of two in size and at most half full, so that a lookup
// touches a slot or two and never allocates.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "quotegraph/hash.h"  // the hash the tables are keyed by

namespace quotegraph::detail {

class FlatIndex {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // The entry with this hash for which is_key(entry) holds, or kNone.
  template <class IsKey>
  std::uint32_t find(std::uint32_t hash, IsKey is_key) const {
    if (slots_.empty()) return kNone;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].entry != 0; i = (i + 1) & mask)
      if (slots_[i].hash == hash && is_key(slots_[i].entry - 1)) return slots_[i].entry - 1;
    return kNone;
  }

  // Adds `entry` (not in the index yet) under `hash`.
  void insert(std::uint32_t hash, std::uint32_t entry) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    place(Slot{hash, entry + 1});
    ++size_;
  }

  // Forgets every entry; keeps the slots for the entries to come.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }

 private:
  struct Slot {
    std::uint32_t hash = 0, entry = 0;  // entry: its number plus one; 0: the slot is empty
  };
  void place(Slot slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot.hash & mask;
    while (slots_[i].entry != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (const Slot& slot : old)
      if (slot.entry != 0) place(slot);
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace quotegraph::detail

#include "quotegraph/extractor.h"

#include <utility>

namespace quotegraph {

namespace {
constexpr std::pair<EntityType, const char*> kNames[] = {
    {EntityType::Person, "person"},
    {EntityType::Name, "name"},
    {EntityType::Organization, "organization"},
    {EntityType::Place, "place"},
    {EntityType::WrittenSource, "written_source"},
    {EntityType::Group, "group"},
    {EntityType::UnnamedSource, "unnamed_source"},
};
}  // namespace

const char* to_string(EntityType type) {
  for (const auto& [t, name] : kNames)
    if (t == type) return name;
  return "";
}

EntityType entity_type_from(std::string_view text) {
  for (const auto& [t, name] : kNames)
    if (text == name) return t;
  return EntityType::None;
}

}  // namespace quotegraph

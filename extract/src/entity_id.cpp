#include "quotegraph/entity_id.h"

namespace quotegraph {

const char* prefix_of(EntityKind kind) {
  switch (kind) {
    case EntityKind::Person: return "person";
    case EntityKind::Organization: return "org";
    case EntityKind::Anonymous: return "anon";
  }
  return "";
}

std::string EntityId::to_string() const {
  std::string s = prefix_of(kind);
  s += ':';
  if (!document.empty() || kind == EntityKind::Anonymous) s.append(document) += ':';
  return s += key;
}

std::optional<EntityId> EntityId::parse(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view prefix = text.substr(0, colon), rest = text.substr(colon + 1);
  if (prefix == prefix_of(EntityKind::Organization)) return organization(std::string(rest));
  const bool anonymous = prefix == prefix_of(EntityKind::Anonymous);
  if (!anonymous && prefix != prefix_of(EntityKind::Person)) return std::nullopt;
  // The document id may hold ':' itself; the key never does.
  const std::size_t last = rest.rfind(':');
  if (last == std::string_view::npos) {
    if (anonymous) return std::nullopt;
    return person(std::string(rest));
  }
  return EntityId{anonymous ? EntityKind::Anonymous : EntityKind::Person, std::string(rest.substr(0, last)),
                  std::string(rest.substr(last + 1))};
}

std::optional<EntityKind> EntityId::kind_of(std::string_view text) {
  for (const EntityKind kind : {EntityKind::Person, EntityKind::Organization}) {
    const std::string_view prefix = prefix_of(kind);
    if (text.size() > prefix.size() && text.compare(0, prefix.size(), prefix) == 0 && text[prefix.size()] == ':')
      return kind;
  }
  if (const auto id = parse(text)) return id->kind;  // "anon:": only with a document
  return std::nullopt;
}

}  // namespace quotegraph

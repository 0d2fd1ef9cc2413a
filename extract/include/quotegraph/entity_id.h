// The stable id of a speaker or an organisation, as a kind and a key rather than a string
// re-read by its prefix. The outputs (JSONL, CSV, GraphML, RDF, partials) carry to_string(),
// whose form is fixed: "person:KEY", "org:KEY", "anon:DOC:KEY", and "person:DOC:SURNAME" for a
// person known in one article by the surname alone.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace quotegraph {

enum class EntityKind {
  Person,        // a named person ("person:")
  Organization,  // an organisation speaking ("org:")
  Anonymous,     // an unnamed or written source, kept per document ("anon:")
};

struct EntityId {
  EntityKind kind = EntityKind::Person;
  // The article the id is scoped to: always for Anonymous, for a Person known there by the
  // surname alone; empty otherwise. Written whole (it may hold ':' itself).
  std::string document;
  // normalise_key()-like; a Person's or an Anonymous's holds no ':' (an Organization's is
  // kept whole, whatever it holds).
  std::string key;

  static EntityId person(std::string key) { return {EntityKind::Person, {}, std::move(key)}; }
  static EntityId organization(std::string key) { return {EntityKind::Organization, {}, std::move(key)}; }
  static EntityId anonymous(std::string document, std::string key) {
    return {EntityKind::Anonymous, std::move(document), std::move(key)};
  }

  // "person:KEY", "person:DOC:KEY", "org:KEY", "anon:DOC:KEY".
  std::string to_string() const;
  // The inverse of to_string(); nullopt for an empty string, another prefix ("statement:",
  // "doc:") or an "anon:" without a document. The document is what precedes the last ':'.
  static std::optional<EntityId> parse(std::string_view text);
  // parse(text)->kind without building the id; nullopt where parse() gives none.
  static std::optional<EntityKind> kind_of(std::string_view text);

  friend bool operator==(const EntityId& a, const EntityId& b) {
    return a.kind == b.kind && a.document == b.document && a.key == b.key;
  }
  friend bool operator!=(const EntityId& a, const EntityId& b) { return !(a == b); }
  // The order of to_string(): sorted ids and sorted strings agree.
  friend bool operator<(const EntityId& a, const EntityId& b) { return a.to_string() < b.to_string(); }
};

// "person", "org", "anon": the prefix of to_string() and the first step of an RDF path.
const char* prefix_of(EntityKind kind);

}  // namespace quotegraph

namespace std {
template <>
struct hash<quotegraph::EntityId> {
  std::size_t operator()(const quotegraph::EntityId& id) const noexcept {
    return std::hash<std::string>()(id.to_string());
  }
};
}  // namespace std

// EntityId: the ids the outputs carry, printed and read back.
#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>

#include "quotegraph/entity_id.h"

using quotegraph::EntityId;
using quotegraph::EntityKind;

TEST_CASE("entity ids print in the outputs' form and read back to the same id") {
  const EntityId ids[] = {
      EntityId::person("srg-lavrov"),
      EntityId{EntityKind::Person, "world/2005-03-01", "lavrov"},  // known by the surname in one article
      EntityId::organization("state-department"),
      EntityId::anonymous("a:b", "senior-official"),  // a document id holding ':'
      EntityId::anonymous("wire", "spokesman"),
  };
  const char* printed[] = {"person:srg-lavrov", "person:world/2005-03-01:lavrov", "org:state-department",
                           "anon:a:b:senior-official", "anon:wire:spokesman"};
  for (std::size_t i = 0; i < std::size(ids); ++i) {
    CHECK(ids[i].to_string() == printed[i]);
    const auto read = EntityId::parse(printed[i]);
    REQUIRE(read);
    CHECK(*read == ids[i]);
    CHECK(read->to_string() == printed[i]);
    CHECK(EntityId::kind_of(printed[i]) == ids[i].kind);
  }
}

TEST_CASE("strings that are no entity id are not read as one") {
  for (const char* text : {"", "person", "statement:0123abcd", "doc:business/001", "anon:no-document", "Person:x"}) {
    CHECK_FALSE(EntityId::parse(text));
    CHECK_FALSE(EntityId::kind_of(text));
  }
}

TEST_CASE("an organisation's key is kept whole") {
  const auto id = EntityId::parse("org:a:b");
  REQUIRE(id);
  CHECK(id->kind == EntityKind::Organization);
  CHECK(id->key == "a:b");
  CHECK(id->document.empty());
}

TEST_CASE("entity ids hash and order as their strings") {
  std::unordered_set<EntityId> set{EntityId::person("x"), EntityId::person("x"), EntityId::organization("x")};
  CHECK(set.size() == 2);
  CHECK(EntityId::organization("x") < EntityId::person("a"));  // "org:" before "person:"
  CHECK(EntityId::person("x") != EntityId::organization("x"));
}

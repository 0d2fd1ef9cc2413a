# Writes OUTPUT: a C++ file defining quotegraph::detail::embedded_data() over the FILES in DATA_DIR.
set(content "// Generated from extract/data by embed_data.cmake. Do not edit.\n#include <string_view>\n\nnamespace quotegraph::detail {\nstd::string_view embedded_data(std::string_view name) {\n")
string(REPLACE "," ";" FILES "${FILES}")
foreach(name IN LISTS FILES)
  file(READ "${DATA_DIR}/${name}" text)
  string(APPEND content "  if (name == \"${name}\") return R\"qg_data(${text})qg_data\";\n")
endforeach()
string(APPEND content "  return {};\n}\n}  // namespace quotegraph::detail\n")
file(WRITE "${OUTPUT}" "${content}")

# Writes OUTPUT: a C++ file defining quotegraph::detail::FUNCTION(name) (default
# embedded_data), which returns the text of each of the FILES in DATA_DIR by its name, and an
# empty view for any other name. Used for the rule files and lexicons (extract/) and the
# report's page (export/).
if(NOT FUNCTION)
  set(FUNCTION embedded_data)
endif()
set(content "// Generated from ${DATA_DIR} by embed_files.cmake. Do not edit.\n#include <string_view>\n\nnamespace quotegraph::detail {\nstd::string_view ${FUNCTION}(std::string_view name) {\n")
string(REPLACE "," ";" FILES "${FILES}")
foreach(name IN LISTS FILES)
  file(READ "${DATA_DIR}/${name}" text)
  string(APPEND content "  if (name == \"${name}\") return R\"qg_data(${text})qg_data\";\n")
endforeach()
string(APPEND content "  return {};\n}\n}  // namespace quotegraph::detail\n")
file(WRITE "${OUTPUT}" "${content}")

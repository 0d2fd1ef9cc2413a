# Writes OUTPUT: a C++ file defining quotegraph::detail::FUNCTION(name) (default
# embedded_data), which returns the text of each of the FILES in DATA_DIR by its name, and an
# empty view for any other name. Used for the rule files and lexicons (extract/) and the
# report's page (export/). With LANGUAGES (a comma-separated list), also
# embedded_languages(): those names in that order.
if(NOT FUNCTION)
  set(FUNCTION embedded_data)
endif()
set(content "// Generated from ${DATA_DIR} by embed_files.cmake. Do not edit.\n#include <string_view>\n\nnamespace quotegraph::detail {\nstd::string_view ${FUNCTION}(std::string_view name) {\n")
string(REPLACE "," ";" FILES "${FILES}")
foreach(name IN LISTS FILES)
  file(READ "${DATA_DIR}/${name}" text)
  string(APPEND content "  if (name == \"${name}\") return R\"qg_data(${text})qg_data\";\n")
endforeach()
string(APPEND content "  return {};\n}\n")
if(LANGUAGES)
  string(REPLACE "," "\", \"" quoted "${LANGUAGES}")
  string(APPEND content "const std::vector<std::string_view>& embedded_languages() {\n"
         "  static const std::vector<std::string_view> languages{\"${quoted}\"};\n  return languages;\n}\n")
  string(REPLACE "#include <string_view>" "#include <string_view>\n#include <vector>" content "${content}")
endif()
string(APPEND content "}  // namespace quotegraph::detail\n")
file(WRITE "${OUTPUT}" "${content}")

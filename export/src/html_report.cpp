#include "quotegraph/html_report.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#include <boost/graph/topology.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quotegraph/graphml_writer.h"
#include "quotegraph/utf8.h"
#include "vertex_attributes.h"

namespace quotegraph {
namespace detail {
std::string_view embedded_report_file(std::string_view name);  // export/report/, built in
}

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void json_string(JsonWriter& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

std::string hex_colour(const VertexData& v) {
  const detail::Rgb c = detail::vertex_colour(v);
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r, c.g, c.b);
  return buffer;
}

// What the page calls a vertex's kind.
std::string type_name(const VertexData& v) {
  if (v.kind == VertexKind::Person && v.anonymous) return "unnamed source";
  return to_string(v.kind);
}

bool is_speaker_vertex(const VertexData& v) { return v.kind != VertexKind::Statement && v.kind != VertexKind::Document; }

// The UTF-16 length of the first `code_points` code points of `text`: where the quote starts
// in its context as JavaScript counts.
std::size_t utf16_length(std::string_view text, std::size_t code_points) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size() && code_points > 0; --code_points) {
    std::size_t len;
    const char32_t c = decode_utf8(text, i, len);
    units += c >= 0x10000 ? 2 : 1;
    i += len;
  }
  return units;
}

// The speakers the page lists: every vertex that is neither a statement nor an article, most
// statements first, each with the organisation it speaks for most often.
struct Speaker {
  std::size_t vertex;
  std::string organization;
};

std::vector<Speaker> speakers_of(const QuoteGraph& graph) {
  std::vector<Speaker> speakers;
  std::vector<int> index(graph.vertex_count(), -1);
  for (std::size_t i = 0; i < graph.vertex_count(); ++i) {
    if (!is_speaker_vertex(graph.vertex(i))) continue;
    index[i] = static_cast<int>(speakers.size());
    speakers.push_back({i, ""});
  }
  std::vector<double> best(speakers.size(), 0.0);
  graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
    if (e.kind != EdgeKind::SpeaksFor || index[source] < 0 || e.weight <= best[index[source]]) return;
    best[index[source]] = e.weight;
    speakers[index[source]].organization = graph.vertex(target).label;
  });
  std::stable_sort(speakers.begin(), speakers.end(), [&](const Speaker& a, const Speaker& b) {
    const VertexData &va = graph.vertex(a.vertex), &vb = graph.vertex(b.vertex);
    if (va.statements != vb.statements) return va.statements > vb.statements;
    return va.label != vb.label ? va.label < vb.label : va.id < vb.id;
  });
  return speakers;
}

// ---- the network picture ------------------------------------------------------------------

// The picture's units: a lone vertex's cell (room for its label), a part of n vertices in a
// square of kCellUnit * sqrt(n), and at least kMinWidth across.
constexpr double kMargin = 20, kLegendHeight = 30, kCellUnit = 170, kLoneWidth = 190, kLoneHeight = 44,
                 kLabelRoom = 110, kMinWidth = 900;

struct NetworkEdge {
  std::size_t a, b;  // indices into the picture's vertices
  double weight;
  const char* kind;  // "speaks_for" or "quoted_with"
};

struct Layout {
  std::vector<double> x, y;    // each vertex's centre
  std::vector<bool> in_small;  // in a part of three vertices or fewer (labelled: there is room)
  double width = 0, height = 0;
};

// Kamada–Kawai's stopping test with a bound: its own tolerance alone may never be met (the
// energy can oscillate, and a 500-article corpus then ran for minutes), so the layout also
// stops after a number of steps that grows with the part's size.
class BoundedLayout {
 public:
  explicit BoundedLayout(std::size_t vertices) : steps_left_(400 * vertices + 2000) {}
  template <typename Graph>
  bool operator()(double delta_p, typename boost::graph_traits<Graph>::vertex_descriptor p, const Graph& g,
                  bool global) {
    if (steps_left_ == 0) return true;
    --steps_left_;
    return tolerance_(delta_p, p, g, global);
  }

 private:
  std::size_t steps_left_;
  boost::layout_tolerance<double> tolerance_;
};

// Each connected part is laid out by Kamada–Kawai (springs as long as the shortest paths
// between vertices, from a circle: the same corpus gives the same picture) in a square cell as
// large as the part needs; the cells, largest first, are packed in rows; a lone vertex has a
// cell of its own, wide enough for its label.
Layout lay_out(std::size_t n, const std::vector<NetworkEdge>& edges) {
  using LayoutGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                            boost::property<boost::edge_weight_t, double>>;
  using Point = boost::convex_topology<2>::point;
  Layout layout;
  layout.x.assign(n, 0);
  layout.y.assign(n, 0);
  layout.in_small.assign(n, false);
  if (n == 0) return layout;
  LayoutGraph whole(n);
  for (const auto& e : edges) boost::add_edge(e.a, e.b, 1.0, whole);
  std::vector<int> component(n);
  const int parts = boost::connected_components(whole, component.data());
  std::vector<std::vector<std::size_t>> members(parts);
  for (std::size_t i = 0; i < n; ++i) members[component[i]].push_back(i);
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });

  struct Cell {
    double width, height;
  };
  std::vector<Cell> cells;
  double area = 0;
  for (const auto& part : members) {
    const double side = part.size() == 1 ? 0 : kCellUnit * std::sqrt(static_cast<double>(part.size()));
    cells.push_back({std::max(side, kLoneWidth), std::max(side, kLoneHeight)});
    area += cells.back().width * cells.back().height;
  }
  const double row_width = std::max({cells[0].width, std::sqrt(area) * 1.3, kMinWidth});
  double at_x = 0, at_y = 0, row_height = 0;
  for (std::size_t c = 0; c < members.size(); ++c) {
    const auto& part = members[c];
    if (at_x > 0 && at_x + cells[c].width > row_width) at_x = 0, at_y += row_height, row_height = 0;
    const double left = kMargin + at_x, top = kMargin + at_y;
    if (part.size() == 1) {
      layout.x[part[0]] = left + 12;
      layout.y[part[0]] = top + kLoneHeight / 2;
    } else {
      std::vector<std::size_t> local(n, 0);
      for (std::size_t k = 0; k < part.size(); ++k) local[part[k]] = k;
      LayoutGraph g(part.size());
      for (const auto& e : edges)
        if (component[e.a] == component[part[0]]) boost::add_edge(local[e.a], local[e.b], 1.0, g);
      std::vector<Point> position(part.size());
      const auto map = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
      boost::circle_graph_layout(g, map, 100.0);
      boost::kamada_kawai_spring_layout(g, map, boost::get(boost::edge_weight, g), boost::square_topology<>(100.0),
                                        boost::side_length(100.0), BoundedLayout(part.size()));
      double min_x = 1e18, max_x = -1e18, min_y = 1e18, max_y = -1e18;
      for (const auto& p : position) {
        min_x = std::min(min_x, p[0]), max_x = std::max(max_x, p[0]);
        min_y = std::min(min_y, p[1]), max_y = std::max(max_y, p[1]);
      }
      // Inside the cell, with room on the right for labels.
      const double inner_w = cells[c].width - kLabelRoom - 20, inner_h = cells[c].height - 30;
      for (std::size_t k = 0; k < part.size(); ++k) {
        layout.x[part[k]] = left + 10 + (max_x > min_x ? (position[k][0] - min_x) / (max_x - min_x) : 0.5) * inner_w;
        layout.y[part[k]] = top + 15 + (max_y > min_y ? (position[k][1] - min_y) / (max_y - min_y) : 0.5) * inner_h;
        layout.in_small[part[k]] = part.size() <= 3;
      }
    }
    if (part.size() == 1) layout.in_small[part[0]] = true;
    at_x += cells[c].width;
    row_height = std::max(row_height, cells[c].height);
  }
  layout.width = row_width + 2 * kMargin;
  layout.height = at_y + row_height + 2 * kMargin;
  return layout;
}

// People and organisations with most statements (unnamed sources left out: they are one per
// article), joined by speaks_for (quotes) and quoted_with (articles quoting both) edges.
std::string network_svg(const Corpus& corpus, const QuoteGraph& graph, const std::vector<Speaker>& speakers,
                        std::size_t wanted, std::size_t* shown) {
  std::vector<std::size_t> vertices;  // graph vertex indices
  std::unordered_map<std::string, std::size_t> by_id;
  for (const Speaker& s : speakers) {
    const VertexData& v = graph.vertex(s.vertex);
    if (vertices.size() >= wanted || v.statements == 0) break;
    if (v.anonymous) continue;
    by_id.emplace(v.id, vertices.size());
    vertices.push_back(s.vertex);
  }
  *shown = vertices.size();
  std::map<std::pair<std::size_t, std::size_t>, double> quoted_with;
  for (const auto& record : corpus.documents()) {
    std::set<std::size_t> quoted;
    for (const auto& q : record.quotes) {
      const auto it = by_id.find(q.speaker_id);
      if (it != by_id.end()) quoted.insert(it->second);
    }
    for (auto a = quoted.begin(); a != quoted.end(); ++a)
      for (auto b = std::next(a); b != quoted.end(); ++b) quoted_with[{*a, *b}] += 1;
  }
  std::vector<NetworkEdge> edges;
  for (const auto& [pair, weight] : quoted_with) edges.push_back({pair.first, pair.second, weight, "quoted_with"});
  graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
    if (e.kind != EdgeKind::SpeaksFor) return;
    const auto a = by_id.find(graph.vertex(source).id), b = by_id.find(graph.vertex(target).id);
    if (a != by_id.end() && b != by_id.end() && a->second != b->second)
      edges.push_back({a->second, b->second, e.weight, "speaks_for"});
  });

  const Layout layout = lay_out(vertices.size(), edges);
  auto x = [&](std::size_t i) { return layout.x[i]; };
  auto y = [&](std::size_t i) { return layout.y[i]; };
  const double width = layout.width, height = layout.height + kLegendHeight;

  const double most = vertices.empty() ? 1.0 : std::max<double>(1.0, graph.vertex(vertices[0]).statements);
  std::string svg;
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "<svg id=\"network\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
                "aria-label=\"network of people and organisations\">\n<g class=\"edges\">\n",
                width, height);
  svg += buffer;
  for (const auto& e : edges) {
    std::snprintf(buffer, sizeof buffer,
                  "<line class=\"edge %s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"%.2f\"/>\n", e.kind,
                  x(e.a), y(e.a), x(e.b), y(e.b), 1.0 + std::log2(e.weight));
    svg += buffer;
  }
  svg += "</g>\n<g class=\"nodes\">\n";
  std::set<std::string> types;
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    const VertexData& v = graph.vertex(vertices[i]);
    types.insert(type_name(v) + '\n' + hex_colour(v));
    const double r = 4 + 12 * std::sqrt(v.statements / most);
    svg += "<g class=\"node\" data-speaker=\"" + xml_escape(v.id) + "\" data-type=\"" + type_name(v) + "\">";
    std::snprintf(buffer, sizeof buffer, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>", x(i), y(i), r,
                  hex_colour(v).c_str());
    svg += buffer;
    svg += "<title>" + xml_escape(v.label) + ": " + std::to_string(v.statements) + " statements in " +
           std::to_string(v.documents) + " articles</title>";
    if (i < 25 || layout.in_small[i]) {  // the most quoted and those with room are named; the others on hover
      std::snprintf(buffer, sizeof buffer, "<text x=\"%.1f\" y=\"%.1f\">", x(i) + r + 2, y(i) + 4);
      svg += buffer + xml_escape(v.label) + "</text>";
    }
    svg += "</g>\n";
  }
  // The legend: one row under the picture.
  svg += "</g>\n<g class=\"legend\">\n";
  double legend_x = kMargin;
  const double legend_y = height - kLegendHeight / 2 - 4;
  for (const auto& entry : types) {
    const auto newline = entry.find('\n');
    std::snprintf(buffer, sizeof buffer, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"6\" fill=\"%s\"/><text x=\"%.0f\" y=\"%.0f\">",
                  legend_x, legend_y, entry.substr(newline + 1).c_str(), legend_x + 10, legend_y + 4);
    svg += buffer + xml_escape(entry.substr(0, newline)) + "</text>\n";
    legend_x += 130;
  }
  for (const char* kind : {"speaks_for", "quoted_with"}) {
    std::snprintf(buffer, sizeof buffer,
                  "<line class=\"edge %s\" x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke-width=\"2\"/>"
                  "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n",
                  kind, legend_x - 6, legend_y, legend_x + 6, legend_y, legend_x + 10, legend_y + 4,
                  std::string_view(kind) == "speaks_for" ? "speaks for" : "quoted in one article");
    svg += buffer;
    legend_x += 160;
  }
  svg += "</g>\n</svg>";
  return svg;
}

// ---- the page's data -----------------------------------------------------------------------

std::string page_data(const Corpus& corpus, const QuoteGraph& graph, const std::vector<Speaker>& speakers,
                      const ReportOptions& options, std::string* summary_out) {
  std::unordered_map<std::string, int> speaker_index;
  for (std::size_t i = 0; i < speakers.size(); ++i) speaker_index.emplace(graph.vertex(speakers[i].vertex).id, static_cast<int>(i));

  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("documents");
  w.StartArray();
  for (const auto& r : corpus.documents()) {
    w.StartArray();
    json_string(w, r.document.id);
    json_string(w, r.document.title);
    json_string(w, r.document.date);
    json_string(w, r.document.url);
    json_string(w, r.document.language);
    w.EndArray();
  }
  w.EndArray();
  w.Key("speakers");
  w.StartArray();
  for (const Speaker& s : speakers) {
    const VertexData& v = graph.vertex(s.vertex);
    w.StartArray();
    json_string(w, v.id);
    json_string(w, v.label);
    json_string(w, type_name(v));
    json_string(w, v.role);
    json_string(w, s.organization);
    w.Uint64(v.statements);
    w.Uint64(v.documents);
    json_string(w, hex_colour(v));
    w.EndArray();
  }
  w.EndArray();
  w.Key("quotes");
  w.StartArray();
  std::size_t total = 0, shown = 0, attributed = 0;
  std::map<std::string, std::vector<std::size_t>> conflicts;  // normalised words -> quotes
  for (std::size_t d = 0; d < corpus.documents().size(); ++d) {
    for (const ResolvedQuote& q : corpus.documents()[d].quotes) {
      ++total;
      attributed += !q.speaker.empty();
      if (shown >= options.max_quotes) continue;
      const auto it = speaker_index.find(q.speaker_id);
      const bool has_context = !q.context.empty() && q.start >= q.context_start;
      const std::size_t context_length = has_context ? count_code_points(q.context, 0, q.context.size()) : 0;
      w.StartArray();
      w.Uint64(d);
      w.Int(it == speaker_index.end() ? -1 : it->second);
      json_string(w, q.text);
      w.Int(q.partial ? 1 : 0);
      w.Double(std::round(q.confidence * 1000) / 1000);
      json_string(w, q.rule);
      json_string(w, q.cue);
      json_string(w, has_context ? q.context : q.text);
      w.Uint64(has_context ? utf16_length(q.context, q.start - q.context_start) : 0);
      w.Int(q.conflicting_speakers.empty() ? 0 : 1);
      // The speaker's mention and the cue within the context, in UTF-16 units (-1: none there).
      for (const auto& [start, stop] : {std::pair{q.speaker_start, q.speaker_stop}, std::pair{q.cue_start, q.cue_stop}}) {
        const bool inside = has_context && start != kNoSpan && start >= q.context_start &&
                            stop - q.context_start <= context_length;
        w.Int64(inside ? static_cast<std::int64_t>(utf16_length(q.context, start - q.context_start)) : -1);
        w.Int64(inside ? static_cast<std::int64_t>(utf16_length(q.context, stop - q.context_start)) : -1);
      }
      // The other attributions: [name, [document id, ...]] each.
      w.StartArray();
      for (const auto& c : q.conflicts) {
        w.StartArray();
        json_string(w, c.speaker.empty() ? c.speaker_id : c.speaker);
        w.StartArray();
        for (const auto& id : c.documents) json_string(w, id);
        w.EndArray();
        w.EndArray();
      }
      w.EndArray();
      w.EndArray();
      if (!q.conflicting_speakers.empty()) conflicts[normalise_statement(q.text)].push_back(shown);
      ++shown;
    }
  }
  w.EndArray();
  w.Key("conflicts");
  w.StartArray();
  for (const auto& [words, group] : conflicts) {
    if (group.size() < 2) continue;  // the other attribution is past the page's cap
    w.StartArray();
    for (const std::size_t i : group) w.Uint64(i);
    w.EndArray();
  }
  w.EndArray();
  std::string summary = std::to_string(corpus.documents().size()) + " articles, " + std::to_string(total) +
                        " quotes (" + std::to_string(attributed) + " attributed), " + std::to_string(speakers.size()) +
                        " speakers";
  if (shown < total)
    summary += "; the page holds the first " + std::to_string(shown) + " quotes in article order (the JSONL has all)";
  if (!options.generator.empty()) summary += ". Made by " + options.generator;
  w.Key("summary");
  json_string(w, summary);
  w.EndObject();
  *summary_out = summary;
  // Inside <script>, "</script>" or "<!--" in a string would end or change the element: '<'
  // is written as its JSON escape, which JSON.parse reads back as '<'.
  std::string json;
  json.reserve(buffer.GetSize() + 64);
  for (const char* p = buffer.GetString(); *p; ++p) {
    if (*p == '<') json += "\\u003c";
    else json += *p;
  }
  return json;
}

// Writes `page` with each @NAME@ replaced by its value, in one pass, so that a value holding
// "@DATA@" is never replaced again.
void fill(std::ostream& out, std::string_view page, const std::map<std::string, std::string>& values) {
  std::size_t at = 0;
  while (at < page.size()) {
    const std::size_t open = page.find('@', at);
    const std::size_t close = open == std::string_view::npos ? open : page.find('@', open + 1);
    const auto value = close == std::string_view::npos ? values.end() : values.find(std::string(page.substr(open + 1, close - open - 1)));
    if (value == values.end()) {
      const std::size_t end = open == std::string_view::npos ? page.size() : open + 1;
      out << page.substr(at, end - at);
      at = end;
      continue;
    }
    out << page.substr(at, open - at) << value->second;
    at = close + 1;
  }
}

}  // namespace

bool write_html_report(const Corpus& corpus, const QuoteGraph& graph, const ReportOptions& options, std::ostream& out) {
  const std::vector<Speaker> speakers = speakers_of(graph);
  std::size_t in_picture = 0;
  const std::string svg = network_svg(corpus, graph, speakers, options.network_vertices, &in_picture);
  std::string summary;
  const std::string data = page_data(corpus, graph, speakers, options, &summary);
  const std::string caption = "The " + std::to_string(in_picture) +
                              " people and organisations quoted most (unnamed sources left out), laid out by "
                              "Boost.Graph's Kamada–Kawai algorithm. Circle size: statements. A click shows "
                              "their quotes.";
  fill(out, detail::embedded_report_file("report.html"),
       {{"TITLE", xml_escape(options.title)},
        {"STYLE", std::string(detail::embedded_report_file("report.css"))},
        {"SCRIPT", std::string(detail::embedded_report_file("report.js"))},
        {"DATA", data},
        {"NETWORK", svg},
        {"NETWORK_CAPTION", xml_escape(caption)}});
  return static_cast<bool>(out);
}

}  // namespace quotegraph

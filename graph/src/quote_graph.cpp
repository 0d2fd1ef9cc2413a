#include "quotegraph/quote_graph.h"

#include <boost/graph/adjacency_list.hpp>

#include <cstdio>
#include <map>


namespace quotegraph {

const char* to_string(VertexKind kind) {
  switch (kind) {
    case VertexKind::Person: return "person";
    case VertexKind::Organization: return "organization";
    case VertexKind::Statement: return "statement";
    case VertexKind::Document: return "document";
  }
  return "";
}

const char* to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::Said: return "said";
    case EdgeKind::SpeaksFor: return "speaks_for";
    case EdgeKind::AppearsIn: return "appears_in";
  }
  return "";
}

std::string normalise_statement(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // Quotation marks and apostrophes of any kind fold away; spacing collapses.
    if (c == '"' || c == '\'') continue;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) >= 0x98 && static_cast<unsigned char>(text[i + 2]) <= 0x9F) {
      i += 2;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = !out.empty(); continue; }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  while (!out.empty() && std::string_view(",.;:!?").find(out.back()) != std::string_view::npos) out.pop_back();
  return out;
}

namespace {
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData, EdgeData>;
using Vertex = Graph::vertex_descriptor;

std::string hash_id(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return buffer;
}
}  // namespace

struct QuoteGraph::Impl {
  Graph graph;
  std::map<std::string, Vertex> by_id;                       // stable id -> vertex
  std::map<std::pair<Vertex, Vertex>, Graph::edge_descriptor> merged;  // said / speaks_for

  Vertex vertex_for(const std::string& id, VertexKind kind, bool* created = nullptr) {
    const auto it = by_id.find(id);
    if (created) *created = it == by_id.end();
    if (it != by_id.end()) return it->second;
    const Vertex v = boost::add_vertex(graph);
    graph[v].kind = kind;
    graph[v].id = id;
    by_id.emplace(id, v);
    return v;
  }

  // said and speaks_for edges are one per pair of vertices; their weight counts the quotes.
  EdgeData& merged_edge(Vertex from, Vertex to, EdgeKind kind) {
    const auto it = merged.find({from, to});
    if (it != merged.end()) {
      graph[it->second].weight += 1;
      return graph[it->second];
    }
    const auto e = boost::add_edge(from, to, graph).first;
    graph[e].kind = kind;
    merged.emplace(std::make_pair(from, to), e);
    return graph[e];
  }
};

QuoteGraph::QuoteGraph() : impl_(std::make_unique<Impl>()) {}
QuoteGraph::~QuoteGraph() = default;
QuoteGraph::QuoteGraph(QuoteGraph&&) noexcept = default;
QuoteGraph& QuoteGraph::operator=(QuoteGraph&&) noexcept = default;

void QuoteGraph::add(const Document& doc, const DocumentQuotes& quotes, double min_confidence) {
  Graph& g = impl_->graph;
  bool created = false;
  const Vertex d = impl_->vertex_for("doc:" + doc.id, VertexKind::Document, &created);
  if (created) {
    g[d].label = doc.title.empty() ? doc.id : doc.title;
    g[d].document_id = doc.id;
    g[d].url = doc.url;
    g[d].date = doc.date;
    g[d].title = doc.title;
  }
  for (const Quote& q : quotes.quotes) {
    if (q.confidence < min_confidence) continue;
    const std::string words = normalise_statement(q.text);
    const Vertex s = impl_->vertex_for("statement:" + hash_id(q.speaker_id + '\n' + words),
                                       VertexKind::Statement, &created);
    if (created) {
      g[s].label = q.text;
      g[s].text = q.text;
    }
    const auto e = boost::add_edge(s, d, g).first;
    EdgeData& appears = g[e];
    appears.kind = EdgeKind::AppearsIn;
    appears.quote_id = quote_id(doc.id, q.start, q.stop);
    appears.start = q.start;
    appears.end = q.stop;
    appears.confidence = q.confidence;
    appears.rule = q.rule;
    if (q.speaker_id.empty()) continue;
    const bool is_org = q.speaker_id.compare(0, 4, "org:") == 0;
    const Vertex p = impl_->vertex_for(q.speaker_id, is_org ? VertexKind::Organization : VertexKind::Person, &created);
    if (created) {
      g[p].label = q.speaker;
      g[p].anonymous = q.anonymous;
    }
    if (g[p].role.empty()) g[p].role = q.role;
    impl_->merged_edge(p, s, EdgeKind::Said);
    if (!q.organization.empty() && !is_org) {
      const Vertex o = impl_->vertex_for("org:" + normalise_key(q.organization), VertexKind::Organization, &created);
      if (created) g[o].label = q.organization;
      EdgeData& speaks = impl_->merged_edge(p, o, EdgeKind::SpeaksFor);
      if (speaks.role.empty()) speaks.role = q.role;
    }
  }
}

std::size_t QuoteGraph::vertex_count() const { return boost::num_vertices(impl_->graph); }
std::size_t QuoteGraph::edge_count() const { return boost::num_edges(impl_->graph); }
const VertexData& QuoteGraph::vertex(std::size_t index) const { return impl_->graph[index]; }

void QuoteGraph::for_each_edge(
    const std::function<void(std::size_t, std::size_t, const EdgeData&)>& visit) const {
  const Graph& g = impl_->graph;
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    visit(boost::source(*it, g), boost::target(*it, g), g[*it]);
}

}  // namespace quotegraph

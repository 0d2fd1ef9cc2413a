#include "quotegraph/quote_graph.h"

#include "quotegraph/date.h"
#include "quotegraph/entity_id.h"

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

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
    case EdgeKind::ConflictsWith: return "conflicts_with";
    case EdgeKind::CoQuoted: return "co_quoted";
  }
  return "";
}

namespace {
// bidirectionalS: the measures need a vertex's in-edges (who speaks for an organisation).
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData>;
using Vertex = Graph::vertex_descriptor;

// Earlier appearance first: by date (undated last; date-times with an offset compared in UTC),
// then by document id.
bool appears_before(const VertexData& a, const VertexData& b) {
  if (a.date.empty() != b.date.empty()) return !a.date.empty();
  if (a.date != b.date) {
    const std::string key_a = date_order_key(a.date), key_b = date_order_key(b.date);
    if (key_a != key_b) return key_a < key_b;
  }
  return a.document_id < b.document_id;
}

// An edge's endpoints and kind: what makes two relations the same edge.
struct EdgeKey {
  Vertex from, to;
  EdgeKind kind;
  bool operator==(const EdgeKey& o) const { return from == o.from && to == o.to && kind == o.kind; }
};
struct EdgeKeyHash {
  std::size_t operator()(const EdgeKey& k) const {
    return (std::hash<Vertex>()(k.from) * 0x9E3779B97F4A7C15ull ^ std::hash<Vertex>()(k.to)) * 31 +
           static_cast<std::size_t>(k.kind);
  }
};
}  // namespace

struct QuoteGraph::Impl {
  // Hashed where only looked up; ordered where the order reaches the output.
  Graph graph;
  std::unordered_map<std::string, Vertex> by_id;                              // stable id -> vertex
  std::unordered_map<EdgeKey, Graph::edge_descriptor, EdgeKeyHash> edges;     // every edge but conflicts_with
  std::unordered_map<Vertex, std::map<std::string, std::size_t>> spellings;  // speaker -> name -> quotes
  std::map<Vertex, std::string> conflicting_words;                            // statement -> normalised words
  std::map<Vertex, std::set<Vertex>> speakers_in;                             // document -> named speakers
  // organisation -> the statements and documents of the quotes that name it as the speaker's
  std::unordered_map<Vertex, std::pair<std::set<Vertex>, std::set<std::string>>> named_by;

  // The more telling type wins: a Name becomes a Person when any quote shows it is one.
  void set_type(Vertex v, EntityType type) {
    EntityType& current = graph[v].type;
    if (type != EntityType::None && (current == EntityType::None || current == EntityType::Name)) current = type;
  }

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

  // One edge per pair of vertices and kind; the weight counts how often it was added.
  EdgeData& merged_edge(Vertex from, Vertex to, EdgeKind kind) {
    const auto it = edges.find({from, to, kind});
    if (it != edges.end()) {
      graph[it->second].weight += 1;
      return graph[it->second];
    }
    const auto e = boost::add_edge(from, to, graph).first;
    graph[e].kind = kind;
    edges.emplace(EdgeKey{from, to, kind}, e);
    return graph[e];
  }

  template <typename Visit>
  void out_edges_of_kind(Vertex v, EdgeKind kind, Visit visit) const {
    for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it)
      if (graph[*it].kind == kind) visit(boost::target(*it, graph));
  }
  template <typename Visit>
  void in_edges_of_kind(Vertex v, EdgeKind kind, Visit visit) const {
    for (auto [it, end] = boost::in_edges(v, graph); it != end; ++it)
      if (graph[*it].kind == kind) visit(boost::source(*it, graph));
  }

  void measure_speaker(Vertex v);
  void measure_statement(Vertex v);
  void measure_organization(Vertex v);
  void add_conflict_edges();
  void add_co_quotation_edges();
};

QuoteGraph::QuoteGraph() : impl_(std::make_unique<Impl>()) {}
QuoteGraph::~QuoteGraph() = default;
QuoteGraph::QuoteGraph(QuoteGraph&&) noexcept = default;
QuoteGraph& QuoteGraph::operator=(QuoteGraph&&) noexcept = default;

void QuoteGraph::add(const Document& doc, const std::vector<ResolvedQuote>& quotes, const GraphOptions& options) {
  Graph& g = impl_->graph;
  bool created = false;
  const Vertex d = impl_->vertex_for("doc:" + doc.id, VertexKind::Document, &created);
  if (created) {
    g[d].label = doc.title.empty() ? doc.id : doc.title;
    g[d].document_id = doc.id;
    g[d].url = doc.url;
    g[d].date = doc.date;
    g[d].unparsed_date = doc.unparsed_date;
    g[d].language = doc.language;
    g[d].title = doc.title;
  }
  for (const ResolvedQuote& q : quotes) {
    if (q.confidence < options.min_confidence) continue;
    const Vertex s = impl_->vertex_for(q.statement_id.empty() ? statement_id(q.speaker_id, q.text) : q.statement_id,
                                       VertexKind::Statement, &created);
    if (created) {
      g[s].label = q.text;
      g[s].text = q.text;
      g[s].language = doc.language;
    }
    if (!q.conflicting_speakers.empty()) impl_->conflicting_words[s] = normalise_statement(q.text);
    EdgeData& appears = impl_->merged_edge(s, d, EdgeKind::AppearsIn);
    appears.date = doc.date;
    appears.weight = static_cast<double>(appears.occurrences.size() + 1);
    Occurrence& o = appears.occurrences.emplace_back();
    o.quote_id = quote_id(doc.id, q.start, q.stop);
    o.start = q.start, o.end = q.stop, o.confidence = q.confidence, o.rule = q.rule, o.text = q.text;
    o.speaker_mention = q.speaker_mention, o.speaker_start = q.speaker_start, o.speaker_end = q.speaker_stop;
    o.cue = q.cue, o.cue_start = q.cue_start, o.cue_end = q.cue_stop;
    if (q.speaker_id.empty()) continue;
    const bool is_org = EntityId::kind_of(q.speaker_id) == EntityKind::Organization;
    const Vertex p = impl_->vertex_for(q.speaker_id, is_org ? VertexKind::Organization : VertexKind::Person, &created);
    if (created) g[p].anonymous = q.anonymous;
    impl_->set_type(p, q.speaker_type != EntityType::None ? q.speaker_type
                       : is_org                         ? EntityType::Organization
                       : q.anonymous                    ? EntityType::UnnamedSource
                                                        : EntityType::Person);
    ++impl_->spellings[p][q.speaker];
    if (g[p].role.empty()) g[p].role = q.role;
    impl_->merged_edge(p, s, EdgeKind::Said);
    if (!q.anonymous) impl_->speakers_in[d].insert(p);
    auto add_source = [&](const std::string& id) {
      auto& sources = g[s].source_organizations;  // looked up each time: add_vertex moves vertices
      const auto at = std::lower_bound(sources.begin(), sources.end(), id);
      if (at == sources.end() || *at != id) sources.insert(at, id);
    };
    if (is_org) add_source(q.speaker_id);
    if (!q.organization.empty() && !is_org) {
      const std::string org_id = q.organization_id.empty() ? EntityId::organization(organization_key(q.organization)).to_string()
                                                         : q.organization_id;
      const Vertex o = impl_->vertex_for(org_id, VertexKind::Organization, &created);
      impl_->set_type(o, q.organization_type != EntityType::None ? q.organization_type : EntityType::Organization);
      auto& named = impl_->named_by[o];
      named.first.insert(s);
      named.second.insert(doc.id);
      add_source(org_id);
      ++impl_->spellings[o][q.organization];
      EdgeData& speaks = impl_->merged_edge(p, o, EdgeKind::SpeaksFor);
      if (speaks.role.empty()) speaks.role = q.role;
    }
  }
}

void QuoteGraph::Impl::measure_statement(Vertex v) {
  VertexData& s = graph[v];
  const VertexData* first = nullptr;
  std::set<Vertex> docs;
  out_edges_of_kind(v, EdgeKind::AppearsIn, [&](Vertex d) {
    docs.insert(d);
    if (!first || appears_before(graph[d], *first)) first = &graph[d];
  });
  s.documents = docs.size();
  if (first) s.first_date = first->date, s.first_document = first->document_id;
  s.conflicting = conflicting_words.count(v) > 0;
}

void QuoteGraph::Impl::measure_speaker(Vertex v) {
  VertexData& p = graph[v];
  std::set<std::string> doc_ids;
  out_edges_of_kind(v, EdgeKind::Said, [&](Vertex s) {
    ++p.statements;
    out_edges_of_kind(s, EdgeKind::AppearsIn, [&](Vertex d) { doc_ids.insert(graph[d].document_id); });
  });
  out_edges_of_kind(v, EdgeKind::SpeaksFor, [&](Vertex) { ++p.organizations; });
  p.documents = doc_ids.size();
  for (const auto& id : doc_ids) p.document_ids += (p.document_ids.empty() ? "" : " ") + id;
}

// An organisation's statements are its own and those of the quotes that name it as their
// speaker's organisation (not what its speakers said elsewhere); its documents likewise.
void QuoteGraph::Impl::measure_organization(Vertex v) {
  VertexData& o = graph[v];
  std::set<Vertex> statements;
  std::set<std::string> doc_ids;
  out_edges_of_kind(v, EdgeKind::Said, [&](Vertex s) {
    statements.insert(s);
    out_edges_of_kind(s, EdgeKind::AppearsIn, [&](Vertex d) { doc_ids.insert(graph[d].document_id); });
  });
  in_edges_of_kind(v, EdgeKind::SpeaksFor, [&](Vertex) { ++o.speakers; });
  if (const auto named = named_by.find(v); named != named_by.end()) {
    statements.insert(named->second.first.begin(), named->second.first.end());
    doc_ids.insert(named->second.second.begin(), named->second.second.end());
  }
  o.statements = statements.size();
  o.documents = doc_ids.size();
  o.organizations = 0;
  for (const auto& id : doc_ids) o.document_ids += (o.document_ids.empty() ? "" : " ") + id;
}

// Statements with the same words and different speakers point at each other (from the
// earlier vertex to the later), so a fact-checker can walk from one attribution to the others.
void QuoteGraph::Impl::add_conflict_edges() {
  std::map<std::string, std::vector<Vertex>> by_words;
  for (const auto& [v, words] : conflicting_words) by_words[words].push_back(v);
  for (auto& [words, statements] : by_words) {
    std::sort(statements.begin(), statements.end());
    for (std::size_t i = 0; i < statements.size(); ++i)
      for (std::size_t j = i + 1; j < statements.size(); ++j)
        graph[boost::add_edge(statements[i], statements[j], graph).first].kind = EdgeKind::ConflictsWith;
  }
}

void QuoteGraph::Impl::add_co_quotation_edges() {
  for (const auto& [doc, speakers] : speakers_in) {
    const std::vector<Vertex> list(speakers.begin(), speakers.end());
    for (std::size_t i = 0; i < list.size(); ++i)
      for (std::size_t j = i + 1; j < list.size(); ++j) merged_edge(list[i], list[j], EdgeKind::CoQuoted);
  }
}

void QuoteGraph::finish(const GraphOptions& options) {
  Graph& g = impl_->graph;
  for (auto& [v, counts] : impl_->spellings) {
    // The label is the spelling most quotes use (ties: the first in code point order).
    std::size_t best = 0;
    for (const auto& [name, n] : counts) {
      g[v].names.push_back(name);
      if (n > best) best = n, g[v].label = name;
    }
  }
  impl_->add_conflict_edges();
  if (options.co_quotation) impl_->add_co_quotation_edges();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    switch (g[*it].kind) {
      case VertexKind::Statement: impl_->measure_statement(*it); break;
      case VertexKind::Person: impl_->measure_speaker(*it); break;
      case VertexKind::Organization: impl_->measure_organization(*it); break;
      case VertexKind::Document: break;
    }
  }
}

std::size_t QuoteGraph::add_vertex(VertexData vertex) {
  const Vertex v = boost::add_vertex(impl_->graph);
  impl_->by_id.emplace(vertex.id, v);
  impl_->graph[v] = std::move(vertex);
  return v;
}

void QuoteGraph::add_edge(std::size_t source, std::size_t target, EdgeData edge) {
  const EdgeKind kind = edge.kind;
  const auto e = boost::add_edge(source, target, impl_->graph).first;
  impl_->graph[e] = std::move(edge);
  impl_->edges.emplace(EdgeKey{source, target, kind}, e);
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

QuoteGraph build_graph(const Corpus& corpus, const GraphOptions& options) {
  QuoteGraph graph;
  for (const auto& record : corpus.documents()) graph.add(record.document, record.quotes, options);
  graph.finish(options);
  return graph;
}

}  // namespace quotegraph

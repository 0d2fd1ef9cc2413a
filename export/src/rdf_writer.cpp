#include "quotegraph/rdf_writer.h"

#include <serd/serd.h>

#include <charconv>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "quotegraph/date.h"
#include "quotegraph/entity_id.h"

namespace quotegraph {

std::string iri_escape(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

namespace {

constexpr std::pair<const char*, const char*> kPrefixes[] = {
    {"schema", "http://schema.org/"},
    {"org", "http://www.w3.org/ns/org#"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"qg", kQuotegraphNamespace},
};

size_t write_to_stream(const void* buffer, size_t length, void* stream) {
  auto* out = static_cast<std::ostream*>(stream);
  out->write(static_cast<const char*>(buffer), static_cast<std::streamsize>(length));
  return *out ? length : 0;
}

class Emitter {
 public:
  // `first`: the first (or only) part of the output, which writes the prefix directives.
  Emitter(std::ostream& out, const RdfOptions& options, bool first) : options_(options) {
    env_ = serd_env_new(nullptr);
    for (const auto& [name, uri] : kPrefixes)
      serd_env_set_prefix_from_strings(env_, reinterpret_cast<const uint8_t*>(name),
                                       reinterpret_cast<const uint8_t*>(uri));
    const bool turtle = options.syntax == RdfSyntax::Turtle;
    // Vocabulary terms are given as CURIEs already; SERD_STYLE_CURIED would have Serd try every
    // prefix on every IRI node too (a document's, a person's), which lie outside those
    // vocabularies (an IRI that did not would be written in full, meaning the same).
    const auto style = static_cast<SerdStyle>(
        SERD_STYLE_BULK | (turtle ? SERD_STYLE_ABBREVIATED : 0));
    writer_ = serd_writer_new(turtle ? SERD_TURTLE : SERD_NTRIPLES, style, env_, nullptr,
                              write_to_stream, &out);
    if (turtle && first) {
      for (const auto& [name, uri] : kPrefixes) {
        const SerdNode n = serd_node_from_string(SERD_LITERAL, reinterpret_cast<const uint8_t*>(name));
        const SerdNode u = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(uri));
        serd_writer_set_prefix(writer_, &n, &u);
      }
    }
  }
  ~Emitter() {
    serd_writer_free(writer_);
    serd_env_free(env_);
  }

  std::string iri(const std::string& path) const { return options_.base + path; }

  // Object kinds: an IRI, a CURIE (vocabulary term), or a literal with an optional datatype.
  void iri_object(const std::string& s, const char* p, const std::string& o) {
    emit(s, p, node(SERD_URI, o), nullptr);
  }
  void type(const std::string& s, const char* curie) {
    emit(s, "rdf:type", curie_node(curie), nullptr);
  }
  void literal(const std::string& s, const char* p, const std::string& value, const char* datatype = nullptr) {
    if (value.empty()) return;
    const SerdNode dt = datatype ? curie_node(datatype) : SERD_NODE_NULL;
    emit(s, p, literal_node(value), datatype ? &dt : nullptr);
  }
  // Text in a language ("…"@de): untagged when the language is unknown (a partial result of
  // an older version) or not a language code.
  void text(const std::string& s, const char* p, const std::string& value, const std::string& language) {
    if (value.empty()) return;
    if (!is_language_tag(language)) return literal(s, p, value);
    const SerdNode tag = node(SERD_LITERAL, language);
    emit(s, p, literal_node(value), nullptr, &tag);
  }

  bool finish() { return status_ == SERD_SUCCESS && serd_writer_finish(writer_) == SERD_SUCCESS; }
  SerdStatus status() const { return status_; }

 private:
  static const uint8_t* bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.c_str()); }
  static const uint8_t* bytes(const char* s) { return reinterpret_cast<const uint8_t*>(s); }

  // The node serd_node_from_substring makes (code points counted, quote and line-break flags
  // set), in one pass over the bytes instead of a decoding one: most of the Turtle's bytes are
  // quotation text, and this is the only pass our side makes over them.
  static SerdNode node(SerdType type, const std::string& text) {
    SerdNode n{bytes(text), text.size(), 0, 0, type};
    for (const char c : text) {
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // inside a character
      ++n.n_chars;
      if (c == '\n' || c == '\r') n.flags |= SERD_HAS_NEWLINE;
      if (c == '"') n.flags |= SERD_HAS_QUOTE;
    }
    return n;
  }

  static SerdNode literal_node(const std::string& value) {
    SerdNode n = node(SERD_LITERAL, value);
    // Always the short "..." form with escapes: Serd 0.30 writes a Turtle long string ("""...""")
    // for text with quotes or line breaks, and one that ends in a quote mark comes out
    // unreadable (found by fuzz_exporters).
    n.flags &= ~static_cast<SerdNodeFlags>(SERD_HAS_NEWLINE | SERD_HAS_QUOTE);
    return n;
  }

  // A vocabulary term ("schema:name"): ASCII without quotes or line breaks, so its node needs
  // no pass of serd_node_from_string's over it (one for each statement's predicate).
  static SerdNode curie_node(const char* curie) {
    const std::size_t length = std::strlen(curie);
    return SerdNode{bytes(curie), length, length, 0, SERD_CURIE};
  }

  void emit(const std::string& subject, const char* predicate, const SerdNode& object, const SerdNode* datatype,
            const SerdNode* language = nullptr) {
    // Statements come in runs about one subject: its node is made once per run, from a copy
    // (the caller's string may be a temporary).
    if (subject != subject_) {
      subject_ = subject;
      subject_node_ = node(SERD_URI, subject_);
    }
    const SerdNode p = curie_node(predicate);
    const SerdStatus st = serd_writer_write_statement(writer_, 0, nullptr, &subject_node_, &p, &object, datatype, language);
    if (st != SERD_SUCCESS && status_ == SERD_SUCCESS) status_ = st;
  }

  std::string subject_;
  SerdNode subject_node_ = SERD_NODE_NULL;

  const RdfOptions& options_;
  SerdEnv* env_ = nullptr;
  SerdWriter* writer_ = nullptr;
  SerdStatus status_ = SERD_SUCCESS;
};

// Stable id ("person:antony-blinken") to an IRI path ("person/antony-blinken"). An unnamed
// source's id "anon:DOC:KEY" holds a document id, which may hold ':' itself: it is written as
// doc/ID is, escaped whole ("anon/a%3Ab/KEY"), and KEY (no ':') is what follows the last ':'.
std::string id_path(const std::string& id) {
  // anon:DOC:KEY and person:DOC:SURNAME (a person known by the surname in one article only):
  // the document id whole, percent-encoded, as in doc/ID.
  if (const auto entity = EntityId::parse(id)) {
    std::string path = std::string(prefix_of(entity->kind)) + "/";
    if (!entity->document.empty() || entity->kind == EntityKind::Anonymous) path += iri_escape(entity->document) + "/";
    return path + iri_escape(entity->key);
  }
  // statement:HASH, doc:ID
  const std::size_t colon = id.find(':');
  if (colon == std::string::npos) return iri_escape(id);
  return iri_escape(std::string_view(id).substr(0, colon)) + "/" + iri_escape(std::string_view(id).substr(colon + 1));
}

std::string decimal(double v) {
  char buffer[32];
  // printf's %.3f, as std::to_chars writes it with a precision.
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 3).ptr;
  return std::string(buffer, end);
}

}  // namespace

namespace {

constexpr std::uint8_t kDefinesSpeaker = 1, kDefinesCue = 2;

void write_vertex(Emitter& rdf, const VertexData& v, const std::string& s) {
  switch (v.kind) {
    case VertexKind::Document:
      rdf.type(s, "schema:NewsArticle");
      rdf.literal(s, "schema:identifier", v.document_id);
      rdf.text(s, "schema:headline", v.title, v.language);
      // The language the article was read in, as a BCP 47 code (schema.org's inLanguage).
      if (is_language_tag(v.language)) rdf.literal(s, "schema:inLanguage", v.language);
      rdf.literal(s, "schema:url", v.url, "xsd:anyURI");
      // An ISO 8601 date or date-time (the reader normalised it); one it could not read is
      // kept as written, untyped, in a property of its own. Read again here, so that a date
      // that came another way (a partial result of an older version) is never mistyped.
      if (const ParsedDate date = parse_date(v.date); date.ok())
        rdf.literal(s, "schema:datePublished", date.iso, date.has_time ? "xsd:dateTime" : "xsd:date");
      else
        rdf.literal(s, "qg:unparsedDate", v.date);
      rdf.literal(s, "qg:unparsedDate", v.unparsed_date);
      rdf.type(s + "#context", "nif:Context");
      rdf.iri_object(s + "#context", "nif:sourceUrl", s);
      break;
    case VertexKind::Person:
      // A written source is a document, not an agent; a group is people, not a person; a
      // name with no evidence of a person is only an agent.
      switch (v.type) {
        case EntityType::WrittenSource: rdf.type(s, "schema:CreativeWork"); rdf.type(s, "prov:Entity"); break;
        case EntityType::Group: rdf.type(s, "qg:Group"); rdf.type(s, "prov:Agent"); break;
        case EntityType::Name: rdf.type(s, "prov:Agent"); break;
        default: rdf.type(s, "schema:Person"); rdf.type(s, "prov:Agent"); break;
      }
      // Every spelling the articles use: shards that saw different ones still agree.
      for (const auto& name : v.names) rdf.literal(s, "schema:name", name);
      rdf.literal(s, "qg:anonymous", v.anonymous ? "true" : "false", "xsd:boolean");
      break;
    case VertexKind::Organization:
      if (v.type == EntityType::Place) {  // a country the speaker represents
        rdf.type(s, "schema:Country");
      } else {
        rdf.type(s, "schema:Organization");
        rdf.type(s, "org:Organization");
      }
      rdf.type(s, "prov:Agent");
      for (const auto& name : v.names) rdf.literal(s, "schema:name", name);
      break;
    case VertexKind::Statement:
      rdf.type(s, "schema:Quotation");
      rdf.text(s, "schema:text", v.text, v.language);
      if (is_language_tag(v.language)) rdf.literal(s, "schema:inLanguage", v.language);
      break;
  }
}

std::string role_iri(const RdfOptions& options, const std::string& role) {
  return options.base + "role/" + iri_escape(normalise_key(role));
}

// A span of an article's text as NIF names it: ARTICLE#char=START,END.
std::string span_iri(const std::string& article, std::size_t start, std::size_t end) {
  return article + "#char=" + std::to_string(start) + "," + std::to_string(end);
}

// `defines_role`: the first speaks_for edge with its role, which describes the role.
// `defines[k]`: which evidence spans of occurrence k are described here (kDefinesSpeaker,
// kDefinesCue): each once, where it is first used (a mention may name the speaker of several quotes).
void write_edge(Emitter& rdf, const QuoteGraph& graph, const RdfOptions& options, const std::string& from,
                const std::string& to, std::size_t /*source*/, std::size_t target, const EdgeData& e,
                bool defines_role, const std::vector<std::uint8_t>& defines) {
  switch (e.kind) {
    case EdgeKind::Said:
      rdf.iri_object(to, "schema:creator", from);
      rdf.iri_object(to, "prov:wasAttributedTo", from);
      // The organisations the quotes themselves name: what one article says, so the triples
      // of shards add up to those of the whole corpus.
      for (const auto& org : graph.vertex(target).source_organizations)
        rdf.iri_object(to, "schema:sourceOrganization", rdf.iri(id_path(org)));
      break;
    case EdgeKind::SpeaksFor: {
      const std::string membership = from + "/member-of/" + iri_escape(graph.vertex(target).id.substr(4));
      rdf.type(membership, "org:Membership");
      rdf.iri_object(membership, "org:member", from);
      rdf.iri_object(membership, "org:organization", to);
      if (e.role.empty()) break;
      const std::string role = role_iri(options, e.role);
      rdf.iri_object(membership, "org:role", role);
      if (!defines_role) break;
      rdf.type(role, "org:Role");
      rdf.type(role, "skos:Concept");
      rdf.literal(role, "skos:prefLabel", e.role);
      break;
    }
    case EdgeKind::AppearsIn: {
      rdf.iri_object(from, "schema:isBasedOn", to);
      for (std::size_t k = 0; k < e.occurrences.size(); ++k) {
        const Occurrence& o = e.occurrences[k];
        // The exact span, as NIF counts it: code points, end exclusive, and the article's own
        // words there (the statement's text is one article's spelling of them).
        const std::string span = span_iri(to, o.start, o.end);
        rdf.type(span, "nif:OffsetBasedString");
        rdf.literal(span, "nif:beginIndex", std::to_string(o.start), "xsd:nonNegativeInteger");
        rdf.literal(span, "nif:endIndex", std::to_string(o.end), "xsd:nonNegativeInteger");
        rdf.literal(span, "nif:anchorOf", o.text);
        rdf.iri_object(span, "nif:referenceContext", to + "#context");
        rdf.iri_object(span, "qg:quotation", from);
        rdf.literal(span, "qg:quoteId", o.quote_id);
        rdf.literal(span, "qg:confidence", decimal(o.confidence), "xsd:decimal");
        rdf.literal(span, "qg:rule", o.rule);
        // The evidence: the speaker's mention and the cue, spans of the same article.
        const bool mention = o.speaker_start != kNoSpan, cue = o.cue_start != kNoSpan;
        if (mention) rdf.iri_object(span, "qg:speakerMention", span_iri(to, o.speaker_start, o.speaker_end));
        if (cue) rdf.iri_object(span, "qg:cue", span_iri(to, o.cue_start, o.cue_end));
        const auto describe = [&](std::size_t start, std::size_t end, const std::string& anchor) {
          const std::string evidence = span_iri(to, start, end);
          rdf.type(evidence, "nif:OffsetBasedString");
          rdf.literal(evidence, "nif:beginIndex", std::to_string(start), "xsd:nonNegativeInteger");
          rdf.literal(evidence, "nif:endIndex", std::to_string(end), "xsd:nonNegativeInteger");
          rdf.literal(evidence, "nif:anchorOf", anchor);
          rdf.iri_object(evidence, "nif:referenceContext", to + "#context");
        };
        if (mention && (defines[k] & kDefinesSpeaker)) describe(o.speaker_start, o.speaker_end, o.speaker_mention);
        if (cue && (defines[k] & kDefinesCue)) describe(o.cue_start, o.cue_end, o.cue);
      }
      break;
    }
    case EdgeKind::ConflictsWith:  // the same words, another speaker: both ways
      rdf.iri_object(from, "qg:conflictsWith", to);
      rdf.iri_object(to, "qg:conflictsWith", from);
      break;
    case EdgeKind::CoQuoted:  // a count over articles: SPARQL derives it from the quotations
      break;
  }
}

// About how many statements an item writes: what the parts are balanced by.
constexpr std::size_t kVertexWeight = 4;
std::size_t edge_weight(const EdgeData& e) {
  return e.kind == EdgeKind::AppearsIn ? 1 + 13 * e.occurrences.size() : 3;
}

}  // namespace

RdfParts::RdfParts(const QuoteGraph& graph, const RdfOptions& options, std::size_t wanted)
    : graph_(graph), options_(options) {
  const std::size_t n = graph.vertex_count();
  vertex_iri_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const VertexData& v = graph.vertex(i);
    // doc:ID keeps the document id whole (it may hold ':'); other ids split into path segments.
    vertex_iri_[i] = options.base + (v.kind == VertexKind::Document ? "doc/" + iri_escape(v.document_id) : id_path(v.id));
  }
  // Where a part may start: at any vertex's own statements but the first vertex's, and at an
  // edge whose statements follow an appears_in's or a speaks_for's, which end on a subject no
  // other edge begins with (a quotation's span, a membership, a role). Elsewhere a subject can
  // run on from one edge to the next (a statement's said, then its conflicts_with).
  edges_.reserve(graph.edge_count());
  std::vector<std::size_t> weight(n, kVertexWeight);
  std::vector<bool> may_start(n, true);
  std::set<std::string> roles;
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> evidence;  // article, start, end: described
  bool previous_ends_off_vertex = false;  // the first edges may run on from the last vertex
  graph.for_each_edge([&](std::size_t source, std::size_t target, const EdgeData& e) {
    const bool defines_role = e.kind == EdgeKind::SpeaksFor && !e.role.empty() && roles.insert(role_iri(options, e.role)).second;
    std::vector<std::uint8_t> defines;
    if (e.kind == EdgeKind::AppearsIn) {
      for (const Occurrence& o : e.occurrences) {
        std::uint8_t d = 0;
        if (o.speaker_start != kNoSpan && evidence.insert({target, o.speaker_start, o.speaker_end}).second) d |= kDefinesSpeaker;
        if (o.cue_start != kNoSpan && evidence.insert({target, o.cue_start, o.cue_end}).second) d |= kDefinesCue;
        defines.push_back(d);
      }
    }
    edges_.push_back({source, target, &e, defines_role, std::move(defines)});
    weight.push_back(edge_weight(e));
    may_start.push_back(previous_ends_off_vertex);
    if (e.kind != EdgeKind::CoQuoted)  // writes nothing
      previous_ends_off_vertex = e.kind == EdgeKind::AppearsIn || e.kind == EdgeKind::SpeaksFor;
  });
  std::size_t total = 0;
  for (const std::size_t w : weight) total += w;
  cuts_.push_back(0);
  std::size_t done = 0;
  for (std::size_t item = 0; item < weight.size(); ++item) {
    if (item > 0 && may_start[item] && cuts_.size() < wanted && done * wanted >= total * cuts_.size())
      cuts_.push_back(item);
    done += weight[item];
  }
  cuts_.push_back(weight.size());
}

bool RdfParts::write(std::size_t part, std::ostream& out, std::string* error) const {
  Emitter rdf(out, options_, part == 0);
  const std::size_t n = vertex_iri_.size();
  for (std::size_t item = cuts_[part]; item < cuts_[part + 1]; ++item) {
    if (item < n) {
      write_vertex(rdf, graph_.vertex(item), vertex_iri_[item]);
      continue;
    }
    const Edge& e = edges_[item - n];
    write_edge(rdf, graph_, options_, vertex_iri_[e.source], vertex_iri_[e.target], e.source, e.target, *e.data,
               e.defines_role, e.defines);
  }
  const bool ok = rdf.finish() && static_cast<bool>(out.flush());
  if (!ok && error) *error = rdf.status() != SERD_SUCCESS ? std::string("serd: ") + reinterpret_cast<const char*>(serd_strerror(rdf.status())) : "write failed";
  return ok;
}

bool write_rdf(const QuoteGraph& graph, std::ostream& out, const RdfOptions& options, std::string* error) {
  return RdfParts(graph, options, 1).write(0, out, error);
}

}  // namespace quotegraph

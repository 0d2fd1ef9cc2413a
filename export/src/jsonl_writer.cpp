#include "quotegraph/jsonl_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace quotegraph {

namespace {
template <typename Writer>
void string_or_null(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  if (value.empty()) w.Null();
  else w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
template <typename Writer>
void offset_or_null(Writer& w, const char* key, std::size_t value) {
  w.Key(key);
  if (value == kNoSpan) w.Null();
  else w.Uint64(value);
}
}  // namespace

bool JsonlWriter::write(const Document& doc, const std::vector<ResolvedQuote>& quotes) {
  rapidjson::StringBuffer buffer;
  for (const ResolvedQuote& q : quotes) {
    buffer.Clear();
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("id"); w.String(quote_id(doc.id, q.start, q.stop).c_str());
    w.Key("doc"); w.String(doc.id.data(), static_cast<rapidjson::SizeType>(doc.id.size()));
    w.Key("text"); w.String(q.text.data(), static_cast<rapidjson::SizeType>(q.text.size()));
    w.Key("start"); w.Uint64(q.start);
    w.Key("end"); w.Uint64(q.stop);
    w.Key("kind"); w.String(q.partial ? "partial" : "full");
    string_or_null(w, "speaker", q.speaker);
    string_or_null(w, "speaker_id", q.speaker_id);
    w.Key("anonymous"); w.Bool(q.anonymous);
    string_or_null(w, "speaker_type", to_string(q.speaker_type));
    string_or_null(w, "role", q.role);
    string_or_null(w, "organization", q.organization);
    string_or_null(w, "cue", q.cue);
    w.Key("rule"); w.String(q.rule.c_str());
    w.Key("confidence"); w.Double(std::round(q.confidence * 1000) / 1000);
    string_or_null(w, "statement_id", q.statement_id);
    string_or_null(w, "organization_id", q.organization_id);
    w.Key("conflicting_attribution"); w.Bool(!q.conflicting_speakers.empty());
    w.Key("conflicting_speakers");
    w.StartArray();
    for (const auto& other : q.conflicting_speakers) w.String(other.c_str());
    w.EndArray();
    w.Key("conflicts");  // the same, with names and articles
    w.StartArray();
    for (const auto& c : q.conflicts) {
      w.StartObject();
      w.Key("speaker_id"); w.String(c.speaker_id.data(), static_cast<rapidjson::SizeType>(c.speaker_id.size()));
      w.Key("speaker"); w.String(c.speaker.data(), static_cast<rapidjson::SizeType>(c.speaker.size()));
      w.Key("documents");
      w.StartArray();
      for (const auto& d : c.documents) w.String(d.data(), static_cast<rapidjson::SizeType>(d.size()));
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("context"); w.String(q.context.data(), static_cast<rapidjson::SizeType>(q.context.size()));
    w.Key("context_start"); w.Uint64(q.context_start);
    // The evidence: the mention that named the speaker and the cue, in code points.
    string_or_null(w, "speaker_mention", q.speaker_mention);
    offset_or_null(w, "speaker_start", q.speaker_start);
    offset_or_null(w, "speaker_end", q.speaker_stop);
    offset_or_null(w, "cue_start", q.cue_start);
    offset_or_null(w, "cue_end", q.cue_stop);
    w.Key("sentences_start"); w.Uint64(q.sentences_start);
    w.Key("sentences_end"); w.Uint64(q.sentences_stop);
    string_or_null(w, "url", doc.url);
    string_or_null(w, "date", doc.date);
    string_or_null(w, "unparsed_date", doc.unparsed_date);
    string_or_null(w, "title", doc.title);
    string_or_null(w, "language", doc.language);
    w.EndObject();
    out_.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out_.put('\n');
  }
  return static_cast<bool>(out_);
}

}  // namespace quotegraph

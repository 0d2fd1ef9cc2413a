#include "quotegraph/partial.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <iostream>

#include "quotegraph/utf8.h"

namespace quotegraph {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void put(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

std::string get_string(const rapidjson::Value& object, const char* key) {
  const auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::size_t get_size(const rapidjson::Value& object, const char* key) {
  const auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsUint64() ? static_cast<std::size_t>(it->value.GetUint64()) : 0;
}

// An offset that may be absent (kNoSpan): a partial of an older version has none.
std::size_t get_offset(const rapidjson::Value& object, const char* key) {
  const auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsUint64() && it->value.GetUint64() < kNoSpan
             ? static_cast<std::size_t>(it->value.GetUint64())
             : kNoSpan;
}

void put_offset(JsonWriter& w, const char* key, std::size_t value) {
  w.Key(key);
  if (value == kNoSpan) w.Null();
  else w.Uint64(value);
}

// The reason given for a line of quotes JSONL (--jsonl), which is said once per file.
constexpr const char* kQuotesLine =
    "a line of quotes JSONL (--jsonl), not a partial result: merge reads what --partial writes";

// Parses one line; returns an empty string on success, else the reason.
std::string parse_record(const std::string& line, DocumentRecord& record) {
  rapidjson::Document json;
  // Any depth (no recursion); strings must be valid UTF-8, as the outputs must be.
  json.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
  if (json.HasParseError())
    return std::string("not JSON: ") + rapidjson::GetParseError_En(json.GetParseError()) + " at byte " +
           std::to_string(json.GetErrorOffset());
  if (json.IsObject() && json.HasMember("doc") && json.HasMember("speaker") && !json.HasMember("document"))
    return kQuotesLine;
  if (!json.IsObject() || !json.HasMember("document") || !json["document"].IsObject() || !json.HasMember("quotes") ||
      !json["quotes"].IsArray())
    return "not a partial record (needs \"document\" and \"quotes\")";
  const auto& doc = json["document"];
  record.document.id = get_string(doc, "id");
  if (record.document.id.empty()) return "document without an id";
  record.document.title = get_string(doc, "title");
  record.document.url = get_string(doc, "url");
  record.document.date = get_string(doc, "date");
  record.document.unparsed_date = get_string(doc, "unparsed_date");
  record.document.source = get_string(doc, "source");
  record.document.language = get_string(doc, "language");
  if (!record.document.language.empty() && !is_language_tag(record.document.language))
    return "document language is not a language code (\"de\", \"en-GB\")";
  record.quotes.clear();
  for (const auto& item : json["quotes"].GetArray()) {
    if (!item.IsObject()) return "a quote that is not an object";
    Quote q;
    q.begin = get_size(item, "begin");
    q.end = get_size(item, "end_byte");
    q.start = get_size(item, "start");
    q.stop = get_size(item, "end");
    q.text = get_string(item, "text");
    q.context = get_string(item, "context");
    q.context_start = get_size(item, "context_start");
    q.partial = item.HasMember("partial") && item["partial"].IsBool() && item["partial"].GetBool();
    q.speaker = get_string(item, "speaker");
    q.speaker_id = get_string(item, "speaker_id");
    q.anonymous = item.HasMember("anonymous") && item["anonymous"].IsBool() && item["anonymous"].GetBool();
    q.speaker_type = entity_type_from(get_string(item, "speaker_type"));
    const std::string gender = get_string(item, "gender");
    q.gender = gender == "m" || gender == "f" ? gender[0] : 0;
    q.role = get_string(item, "role");
    q.organization = get_string(item, "organization");
    q.organization_type = entity_type_from(get_string(item, "organization_type"));
    q.cue = get_string(item, "cue");
    q.speaker_mention = get_string(item, "speaker_mention");
    q.speaker_start = get_offset(item, "speaker_start");
    q.speaker_stop = get_offset(item, "speaker_end");
    q.cue_start = get_offset(item, "cue_start");
    q.cue_stop = get_offset(item, "cue_end");
    q.sentences_start = get_offset(item, "sentences_start");
    q.sentences_stop = get_offset(item, "sentences_end");
    if (q.sentences_start == kNoSpan || q.sentences_stop == kNoSpan) {  // an older partial: the context
      q.sentences_start = q.context_start;
      q.sentences_stop = q.context_start + count_code_points(q.context, 0, q.context.size());
    }
    q.rule = get_string(item, "rule");
    q.confidence = item.HasMember("confidence") && item["confidence"].IsNumber() ? item["confidence"].GetDouble() : 0.0;
    // What --partial writes: a probability, and a span in order. Anything else would reach the
    // outputs as invalid JSON ("confidence":,) or offsets that point nowhere.
    if (!(q.confidence >= 0 && q.confidence <= 1)) return "a quote's confidence is not a number from 0 to 1";
    if (q.begin > q.end || q.start > q.stop) return "a quote's span ends before it begins";
    // An evidence span is whole (both ends) and in order, or none.
    if (q.sentences_start > q.sentences_stop) return "a quote's sentences end before they begin";
    if ((q.speaker_start == kNoSpan) != (q.speaker_stop == kNoSpan) || (q.speaker_start != kNoSpan && q.speaker_start > q.speaker_stop) ||
        (q.cue_start == kNoSpan) != (q.cue_stop == kNoSpan) || (q.cue_start != kNoSpan && q.cue_start > q.cue_stop))
      return "a quote's speaker or cue span is incomplete or ends before it begins";
    record.quotes.push_back(std::move(q));
  }
  return "";
}

}  // namespace

bool PartialWriter::write(const Document& doc, const std::vector<Quote>& quotes) { return write_quotes(doc, quotes); }

bool PartialWriter::write(const Document& doc, const std::vector<ResolvedQuote>& quotes) {
  return write_quotes(doc, quotes);
}

template <typename Quotes>
bool PartialWriter::write_quotes(const Document& doc, const Quotes& quotes) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("document");
  w.StartObject();
  put(w, "id", doc.id);
  put(w, "title", doc.title);
  put(w, "url", doc.url);
  put(w, "date", doc.date);
  put(w, "unparsed_date", doc.unparsed_date);
  put(w, "source", doc.source);
  put(w, "language", doc.language);
  w.EndObject();
  w.Key("quotes");
  w.StartArray();
  for (const Quote& q : quotes) {
    w.StartObject();
    w.Key("begin"); w.Uint64(q.begin);
    w.Key("end_byte"); w.Uint64(q.end);
    w.Key("start"); w.Uint64(q.start);
    w.Key("end"); w.Uint64(q.stop);
    put(w, "text", q.text);
    put(w, "context", q.context);
    w.Key("context_start"); w.Uint64(q.context_start);
    w.Key("partial"); w.Bool(q.partial);
    put(w, "speaker", q.speaker);
    put(w, "speaker_id", q.speaker_id);
    w.Key("anonymous"); w.Bool(q.anonymous);
    put(w, "speaker_type", to_string(q.speaker_type));
    put(w, "gender", q.gender ? std::string(1, q.gender) : std::string());
    put(w, "role", q.role);
    put(w, "organization", q.organization);
    put(w, "organization_type", to_string(q.organization_type));
    put(w, "cue", q.cue);
    put(w, "speaker_mention", q.speaker_mention);
    put_offset(w, "speaker_start", q.speaker_start);
    put_offset(w, "speaker_end", q.speaker_stop);
    put_offset(w, "cue_start", q.cue_start);
    put_offset(w, "cue_end", q.cue_stop);
    put_offset(w, "sentences_start", q.sentences_start);
    put_offset(w, "sentences_end", q.sentences_stop);
    put(w, "rule", q.rule);
    w.Key("confidence"); w.Double(q.confidence);  // shortest exact form: merges round-trip
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out_.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  out_.put('\n');
  return static_cast<bool>(out_);
}

bool read_partials(const std::vector<std::string>& paths, const std::function<bool(DocumentRecord&)>& on_record,
                   const std::function<void(const InputProblem&)>& on_problem) {
  for (const auto& path : paths) {
    std::ifstream file;
    std::istream* in = &std::cin;
    const std::string name = path == "-" ? "<stdin>" : path;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        on_problem({name, "cannot open partial result", true});
        continue;
      }
      in = &file;
    }
    std::string line;
    std::size_t number = 0;
    DocumentRecord record;
    while (std::getline(*in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string why = parse_record(line, record);
      if (why == kQuotesLine) {
        on_problem({name + ":" + std::to_string(number), why + " (the rest of the file is skipped)", true});
        break;
      }
      if (!why.empty()) {
        on_problem({name + ":" + std::to_string(number), why, true});
        continue;
      }
      cap_document_fields(record.document, name + ":" + std::to_string(number), on_problem);
      if (!on_record(record)) return false;
    }
    if (in->bad()) on_problem({name, "read error", true});
  }
  return true;
}

}  // namespace quotegraph

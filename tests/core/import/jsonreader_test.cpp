#include "core/import/jsonreader.h"

#include <gtest/gtest.h>
#include <string>

using namespace conlab;

namespace {

JsonReader reader(std::string_view text, int maxDepth = 64)
{
    return JsonReader(text, maxDepth, 1 << 20);
}

// The error a text gives, with its position, as "line:column: message".
std::string errorOf(std::string_view text, void (*read)(JsonReader&), int maxDepth = 64)
{
    JsonReader json = reader(text, maxDepth);
    try {
        read(json);
    } catch (const ParseError& error) {
        const TextPosition at = textPosition(text, error.offset);
        return std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + error.message.toStdString();
    }
    return "no error";
}

void readOneString(JsonReader& json)
{
    json.readString();
}

void skipOne(JsonReader& json)
{
    json.skipValue();
}

std::string decoded(std::string_view text)
{
    JsonReader json = reader(text);
    return std::string(json.readString());
}

JsonNumber number(std::string_view text)
{
    JsonReader json = reader(text);
    return json.readNumber();
}

} // namespace

TEST(JsonReader, ReadsObjectsArraysAndScalarsInOrder)
{
    JsonReader json = reader(R"( {"a": [1, -2.5e3, true, false, null], "b": {}, "c": []} )");
    json.beginObject();
    std::string_view key;
    ASSERT_TRUE(json.nextMember(key));
    EXPECT_EQ(key, "a");
    json.beginArray();
    ASSERT_TRUE(json.nextElement());
    EXPECT_EQ(json.readNumber().toInt64(), 1);
    ASSERT_TRUE(json.nextElement());
    EXPECT_EQ(json.readNumber().toDouble(), -2500.0);
    ASSERT_TRUE(json.nextElement());
    EXPECT_TRUE(json.readBool());
    ASSERT_TRUE(json.nextElement());
    EXPECT_FALSE(json.readBool());
    ASSERT_TRUE(json.nextElement());
    EXPECT_EQ(json.peek(), JsonReader::Kind::Null);
    json.readNull();
    EXPECT_FALSE(json.nextElement());
    ASSERT_TRUE(json.nextMember(key));
    EXPECT_EQ(key, "b");
    json.skipValue();
    ASSERT_TRUE(json.nextMember(key));
    EXPECT_EQ(key, "c");
    json.skipValue();
    EXPECT_FALSE(json.nextMember(key));
    EXPECT_TRUE(json.atEnd());
}

TEST(JsonReader, DecodesEscapesAndSurrogatePairs)
{
    EXPECT_EQ(decoded(R"("plain")"), "plain");
    EXPECT_EQ(decoded(R"("q\"b\\s\/\b\f\n\r\t")"), "q\"b\\s/\b\f\n\r\t");
    EXPECT_EQ(decoded(R"("\u0041\u00e9\u2192")"), "A\xc3\xa9\xe2\x86\x92");
    EXPECT_EQ(decoded(R"("\ud83d\udc0d snake")"), "\xf0\x9f\x90\x8d snake");
    EXPECT_EQ(decoded("\"raw \xf0\x9f\x90\x8d \xe2\x86\x92 \xc3\xa9\""), "raw \xf0\x9f\x90\x8d \xe2\x86\x92 \xc3\xa9");
    EXPECT_EQ(decoded(R"("\u0000")"), std::string(1, '\0'));
}

TEST(JsonReader, RejectsInvalidStringsAtTheByte)
{
    EXPECT_EQ(errorOf("\"a\xff\"", readOneString), "1:3: invalid UTF-8: byte 0xff cannot start a character");
    EXPECT_EQ(errorOf("\"\xc3\x28\"", readOneString), "1:3: invalid UTF-8: byte 0x28 cannot continue a character");
    EXPECT_EQ(errorOf("\"\xc0\xaf\"", readOneString), "1:2: invalid UTF-8: byte 0xc0 cannot start a character");
    EXPECT_EQ(errorOf("\"\xed\xa0\x80\"", readOneString), "1:3: invalid UTF-8: byte 0xa0 cannot continue a character");
    EXPECT_EQ(
        errorOf("\"\xf4\x90\x80\x80\"", readOneString), "1:3: invalid UTF-8: byte 0x90 cannot continue a character");
    EXPECT_EQ(errorOf("\"\xe2\x86", readOneString), "1:2: the file ends inside a UTF-8 character: it is truncated");
    EXPECT_EQ(errorOf(R"("\ud83d")", readOneString),
        "1:2: \\ud83d is the first half of a surrogate pair without its second half");
    EXPECT_EQ(errorOf(R"("\udc0d")", readOneString),
        "1:2: \\udc0d is the second half of a surrogate pair without its first half");
    EXPECT_EQ(errorOf(R"("\x")", readOneString), "1:2: invalid escape sequence '\\x' in a string");
    EXPECT_EQ(errorOf(R"("\u12G4")", readOneString), "1:2: \\u must be followed by four hexadecimal digits");
    EXPECT_EQ(
        errorOf("\"tab\there\"", readOneString), "1:5: control character 0x09 inside a string (it must be escaped)");
    EXPECT_EQ(errorOf("\"open", readOneString), "1:1: the string that starts here never ends: the file is truncated");
    EXPECT_EQ(errorOf("\"esc\\", readOneString), "1:5: the file ends inside an escape sequence: it is truncated");
}

TEST(JsonReader, NumbersFollowRfc8259)
{
    for (const char* bad : {"01", "-", "1.", ".5", "1e", "1e+", "+1", "-x"}) {
        SCOPED_TRACE(bad);
        JsonReader json = reader(bad);
        bool failed = false;
        try {
            json.readNumber();
            failed = !json.atEnd(); // "01" reads "0" and leaves "1"
        } catch (const ParseError&) {
            failed = true;
        }
        EXPECT_TRUE(failed);
    }
    EXPECT_EQ(errorOf("[01]", skipOne), "1:3: a number may not start with 0 followed by more digits, found '1'");
    EXPECT_EQ(errorOf("[1.]", skipOne), "1:4: expected a digit after the decimal point, found ']'");
    EXPECT_TRUE(number("0").integral);
    EXPECT_FALSE(number("0.0").integral);
    EXPECT_FALSE(number("1E5").integral);
    EXPECT_EQ(number("-0").toInt64(), 0);
    EXPECT_EQ(number("9223372036854775807").toInt64(), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(number("9223372036854775808").toInt64(), std::nullopt);
    EXPECT_EQ(number("18446744073709551615").toUInt64(), std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(number("-1").toUInt64(), std::nullopt);
    EXPECT_EQ(number("3.0").toInt64(), 3);
    EXPECT_EQ(number("3e2").toInt64(), 300);
    EXPECT_EQ(number("3.5").toInt64(), std::nullopt);
    EXPECT_EQ(number("1e400").toDouble(), std::nullopt);
    EXPECT_EQ(number("0.30000000000000004").toDouble(), 0.1 + 0.2);
    EXPECT_EQ(number("0.1").toFloat(), 0.1f);
}

TEST(JsonReader, MicrosecondsBecomeExactNanoseconds)
{
    const std::int64_t limit = 3'000'000'000'000'000'000;
    EXPECT_EQ(number("1234.567").microsToNs(limit), 1'234'567);
    EXPECT_EQ(number("-1.5").microsToNs(limit), -1'500);
    EXPECT_EQ(number("0.001").microsToNs(limit), 1);
    EXPECT_EQ(number("0.0004").microsToNs(limit), 0);
    EXPECT_EQ(number("0.0005").microsToNs(limit), 1);
    EXPECT_EQ(number("2.9999999").microsToNs(limit), 3'000);
    EXPECT_EQ(number("1e3").microsToNs(limit), 1'000'000);
    EXPECT_EQ(number("1.5E-3").microsToNs(limit), 2); // rounded from 1.5 ns
    // Far from zero a double would no longer hold the nanoseconds; the digits do.
    EXPECT_EQ(number("1700000000000000.123").microsToNs(limit), 1'700'000'000'000'000'123);
    EXPECT_EQ(number("3000000000000000").microsToNs(limit), limit);
    EXPECT_EQ(number("3000000000000000.001").microsToNs(limit), std::nullopt);
    EXPECT_EQ(number("-99999999999999999999").microsToNs(limit), std::nullopt);
    EXPECT_EQ(number("1e300").microsToNs(limit), std::nullopt);
}

TEST(JsonReader, ErrorsNameLineAndColumnInCharacters)
{
    // Columns count characters: "é" is two bytes, one column.
    EXPECT_EQ(errorOf("{\"a\":1,\n \"\xc3\xa9\": 2 \"b\": 3}", skipOne),
        "2:9: expected ',' or '}' after an object member, found '\"'");
    EXPECT_EQ(errorOf("[1 2]", skipOne), "1:4: expected ',' or ']' after an array element, found '2'");
    EXPECT_EQ(errorOf("{\"a\" 1}", skipOne), "1:6: expected ':' after a member name, found '1'");
    EXPECT_EQ(errorOf("{a:1}", skipOne), "1:2: expected a member name in double quotes, found 'a'");
    EXPECT_EQ(errorOf("[1,]", skipOne), "1:4: expected a value, found ']'");
    EXPECT_EQ(errorOf("{\"a\":1,}", skipOne), "1:8: expected a member name in double quotes, found '}'");
    EXPECT_EQ(errorOf("[tru]", skipOne), "1:2: expected true, found 't'");
    EXPECT_EQ(errorOf("[NaN]", skipOne), "1:2: expected a value, found 'N'");
    EXPECT_EQ(errorOf("\r\n\r\n  [", skipOne), "3:4: the file ends inside an array: it is truncated");
    EXPECT_EQ(errorOf("{\"a\":", skipOne), "1:6: the file ends where a value was expected: it is truncated");
    EXPECT_EQ(errorOf("[\x01]", skipOne), "1:2: expected a value, found byte 0x01");
}

TEST(JsonReader, DepthIsLimited)
{
    const std::string deep(100'000, '[');
    EXPECT_EQ(errorOf(deep, skipOne, 64), "1:65: the values nest deeper than 64 levels");
    std::string ok = std::string(64, '[') + std::string(64, ']');
    EXPECT_EQ(errorOf(ok, skipOne, 64), "no error");
    std::string mixed;
    for (int i = 0; i < 40; ++i)
        mixed += "{\"k\":[";
    EXPECT_EQ(errorOf(mixed, skipOne, 64), "1:193: the values nest deeper than 64 levels");
}

TEST(JsonReader, StringLengthIsLimited)
{
    JsonReader json(R"(["short", "far too long", "\u0041\u0041\u0041\u0041\u0041\u0041\u0041\u0041\u0041"])", 8, 8);
    json.beginArray();
    ASSERT_TRUE(json.nextElement());
    EXPECT_EQ(json.readString(), "short");
    ASSERT_TRUE(json.nextElement());
    try {
        json.readString();
        ADD_FAILURE() << "a 12-byte string passed a limit of 8";
    } catch (const ParseError& error) {
        EXPECT_EQ(error.offset, 10u);
        EXPECT_EQ(error.message.toStdString(), "a string is longer than the limit of 8 bytes");
    }
}

TEST(JsonReader, EndOfTextMayCloseAnArrayWhenAllowed)
{
    for (const char* text : {"[1, 2", "[1, 2,", "[1, 2,\n  ", "[1, 2]"}) {
        SCOPED_TRACE(text);
        JsonReader json = reader(text);
        json.beginArray();
        int count = 0;
        while (json.nextElement(true)) {
            json.readNumber();
            ++count;
        }
        EXPECT_EQ(count, 2);
        EXPECT_TRUE(json.atEnd());
    }
}

TEST(JsonReader, SkipsAByteOrderMark)
{
    JsonReader json = reader("\xef\xbb\xbf[]");
    EXPECT_EQ(json.peek(), JsonReader::Kind::Array);
}

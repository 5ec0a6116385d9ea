#include "core/python/functionreader.h"
#include "core/python/processmemory.h"
#include "core/python/pyunicode.h"

#include <cstring>
#include <gtest/gtest.h>
#include <memory>
#include <unistd.h>
#include <vector>

namespace conlab::python {
namespace {

// Fake CPython objects built in this process and read back through process_vm_readv of our own pid: the reads, the
// layouts and the checks are the ones a real interpreter gets.
class FakeMemory
{
public:
    // A zeroed, 16-byte aligned block that lives as long as this.
    char* block(std::size_t size)
    {
        m_blocks.push_back(std::make_unique<std::max_align_t[]>(size / sizeof(std::max_align_t) + 1));
        char* bytes = reinterpret_cast<char*>(m_blocks.back().get());
        std::memset(bytes, 0, size);
        return bytes;
    }
    static std::uint64_t address(const void* pointer) { return reinterpret_cast<std::uint64_t>(pointer); }
    template <typename T> static void put(char* object, std::uint64_t offset, T value)
    {
        std::memcpy(object + offset, &value, sizeof(value));
    }

    // A str as CPython lays it out: kind 1, 2 or 4; compact ones hold their characters after the header, a legacy one
    // (compact = false) points to them.
    char* str(const FrameLayout& layout, const std::u32string& text, unsigned kind, bool ascii, bool compact = true)
    {
        const std::uint64_t headerSize = ascii ? layout.asciiSize : layout.compactSize;
        char* object = block(headerSize + (text.size() + 1) * kind + 64);
        char* data = compact ? object + headerSize : block((text.size() + 1) * kind);
        put(object, layout.unicodeLength, std::int64_t(text.size()));
        put(object, layout.unicodeState,
            std::uint32_t((kind << 2) | (compact ? 1u << 5 : 0u) | (ascii ? 1u << 6 : 0u)));
        if (!compact)
            put(object, layout.unicodeData, address(data));
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (kind == 1)
                data[i] = char(text[i]);
            else if (kind == 2)
                put(data, i * 2, std::uint16_t(text[i]));
            else
                put(data, i * 4, std::uint32_t(text[i]));
        }
        return object;
    }

    // An object whose type is named `name`.
    char* typed(const FrameLayout& layout, const char* name, std::size_t size)
    {
        char* type = block(64);
        char* typeName = block(16);
        std::strcpy(typeName, name);
        put(type, layout.typeName, address(typeName));
        char* object = block(size);
        put(object, layout.objectType, address(type));
        return object;
    }

private:
    std::vector<std::unique_ptr<std::max_align_t[]>> m_blocks;
};

class PyUnicodeTest : public ::testing::Test
{
protected:
    std::optional<QString> read(const char* object)
    {
        return readPyUnicode(m_memory, m_layout, FakeMemory::address(object));
    }

    FakeMemory m_fake;
    ProcessMemory m_memory {::getpid()};
    FrameLayout m_layout = layoutTable(12)->frames;
};

TEST_F(PyUnicodeTest, DecodesEveryKindOfStr)
{
    EXPECT_EQ(read(m_fake.str(m_layout, U"spin_alpha", 1, true)), QStringLiteral("spin_alpha"));
    EXPECT_EQ(read(m_fake.str(m_layout, U"caf\u00e9", 1, false)), QString::fromUtf8("caf\xc3\xa9"));
    EXPECT_EQ(read(m_fake.str(m_layout, U"\u0444\u0443\u043d\u043a", 2, false)), QString::fromUtf8("функ"));
    EXPECT_EQ(read(m_fake.str(m_layout, U"f\U0001F600", 4, false)), QString::fromUtf8("f\xf0\x9f\x98\x80"));
    EXPECT_EQ(read(m_fake.str(m_layout, U"legacy", 1, true, false)), QStringLiteral("legacy"));
}

TEST_F(PyUnicodeTest, DecodesThe311Layout)
{
    const FrameLayout layout311 = layoutTable(11)->frames;
    EXPECT_EQ(readPyUnicode(m_memory, layout311, FakeMemory::address(m_fake.str(layout311, U"spin", 1, true))),
        QStringLiteral("spin"));
    EXPECT_EQ(readPyUnicode(m_memory, layout311, FakeMemory::address(m_fake.str(layout311, U"\u0444", 2, false))),
        QString::fromUtf8("ф"));
}

TEST_F(PyUnicodeTest, RefusesGarbage)
{
    EXPECT_EQ(readPyUnicode(m_memory, m_layout, 0), std::nullopt);
    EXPECT_EQ(readPyUnicode(m_memory, m_layout, 16), std::nullopt) << "not mapped";
    char* kind3 = m_fake.str(m_layout, U"abc", 1, false);
    FakeMemory::put(kind3, m_layout.unicodeState, std::uint32_t((3u << 2) | (1u << 5)));
    EXPECT_EQ(read(kind3), std::nullopt) << "no kind 3";
    char* huge = m_fake.str(m_layout, U"abc", 1, true);
    FakeMemory::put(huge, m_layout.unicodeLength, std::int64_t(1) << 40);
    EXPECT_EQ(read(huge), std::nullopt) << "too long";
    char* negative = m_fake.str(m_layout, U"abc", 1, true);
    FakeMemory::put(negative, m_layout.unicodeLength, std::int64_t(-3));
    EXPECT_EQ(read(negative), std::nullopt);
    EXPECT_EQ(read(m_fake.str(m_layout, U"", 1, true)), std::nullopt) << "no name is empty";
    EXPECT_EQ(read(m_fake.str(m_layout, U"caf\u00e9", 1, true)), std::nullopt) << "0xe9 in an ASCII str";
    EXPECT_EQ(read(m_fake.str(m_layout, {U'a', char32_t(0xd800)}, 2, false)), std::nullopt) << "a lone surrogate";
    EXPECT_EQ(read(m_fake.str(m_layout, {U'a', char32_t(0x110000)}, 4, false)), std::nullopt) << "past U+10FFFF";
    EXPECT_EQ(read(m_fake.str(m_layout, U"a\nb", 1, true)), std::nullopt) << "a control character";
    char* ascii4 = m_fake.str(m_layout, U"abc", 4, false);
    FakeMemory::put(ascii4, m_layout.unicodeState, std::uint32_t((4u << 2) | (1u << 5) | (1u << 6)));
    EXPECT_EQ(read(ascii4), std::nullopt) << "ASCII is kind 1 only";
    char* dangling = m_fake.str(m_layout, U"abc", 1, true, false);
    FakeMemory::put(dangling, m_layout.unicodeData, std::uint64_t(16));
    EXPECT_EQ(read(dangling), std::nullopt) << "a legacy str pointing nowhere";
}

// A 3.12 thread: PyThreadState -> _PyCFrame -> a C entry shim -> the function's frame -> its code object.
class FunctionReaderTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const FrameLayout& f = m_layout.frames;
        m_code = m_fake.typed(f, "code", 256);
        setCode(m_code, U"spin_alpha", U"/home/x/demo.py", 12);
        char* function = m_fake.block(128);
        FakeMemory::put(function, f.frameCode, FakeMemory::address(m_code));
        char* shim = m_fake.block(128);
        FakeMemory::put(shim, f.framePrevious, FakeMemory::address(function));
        FakeMemory::put(shim, f.frameOwner, char(3));
        m_frame = function;
        char* cframe = m_fake.block(64);
        FakeMemory::put(cframe, f.cframeCurrentFrame, FakeMemory::address(shim));
        m_threadState = m_fake.block(512);
        FakeMemory::put(m_threadState, f.threadCFrame, FakeMemory::address(cframe));
        FakeMemory::put(m_threadState, m_layout.threadNativeId, std::uint64_t(tid));
    }

    void setCode(char* code, const std::u32string& name, const std::u32string& file, std::int32_t line)
    {
        const FrameLayout& f = m_layout.frames;
        FakeMemory::put(code, f.codeQualname, FakeMemory::address(m_fake.str(f, name, 1, true)));
        FakeMemory::put(code, f.codeName, FakeMemory::address(m_fake.str(f, U"short", 1, true)));
        FakeMemory::put(code, f.codeFilename, FakeMemory::address(m_fake.str(f, file, 1, true)));
        FakeMemory::put(code, f.codeFirstLine, line);
    }

    FunctionReader reader()
    {
        return FunctionReader(m_memory, m_layout, [this](const QString& name) {
            m_interned.push_back(name);
            return std::int32_t(m_interned.size() - 1);
        });
    }
    std::uint64_t threadState() const { return FakeMemory::address(m_threadState); }

    static constexpr pid_t tid = 4242;
    FakeMemory m_fake;
    ProcessMemory m_memory {::getpid()};
    CPythonLayout m_layout = *layoutTable(12);
    char* m_code = nullptr;
    char* m_frame = nullptr;
    char* m_threadState = nullptr;
    std::vector<QString> m_interned;
};

TEST_F(FunctionReaderTest, ReadsTheFunctionPastTheEntryShim)
{
    FunctionReader functions = reader();
    ASSERT_EQ(functions.functionOf(threadState(), tid), 0);
    ASSERT_EQ(m_interned.size(), 1u);
    EXPECT_EQ(m_interned[0], QStringLiteral("spin_alpha (demo.py:12)"));
}

TEST_F(FunctionReaderTest, ReadsACodeObjectsTextOnceUntilItChanges)
{
    FunctionReader functions = reader();
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(functions.functionOf(threadState(), tid), 0);
    EXPECT_EQ(functions.textReads(), 1u);
    EXPECT_EQ(m_interned.size(), 1u);
    // The code object is freed and another one takes its address.
    setCode(m_code, U"spin_beta", U"/home/x/demo.py", 30);
    EXPECT_EQ(functions.functionOf(threadState(), tid), 1);
    EXPECT_EQ(functions.textReads(), 2u);
    ASSERT_EQ(m_interned.size(), 2u);
    EXPECT_EQ(m_interned[1], QStringLiteral("spin_beta (demo.py:30)"));
    EXPECT_EQ(functions.cachedCodeObjects(), 1u);
}

TEST_F(FunctionReaderTest, UnknownWhereTheReadsMakeNoSense)
{
    FunctionReader functions = reader();
    EXPECT_EQ(functions.functionOf(threadState(), tid + 1), -1) << "the thread state is another thread's now";
    EXPECT_EQ(functions.functionOf(0, tid), -1);
    EXPECT_EQ(functions.functionOf(16, tid), -1) << "not mapped";
    char* dict = m_fake.typed(m_layout.frames, "dict", 256);
    FakeMemory::put(m_frame, m_layout.frames.frameCode, FakeMemory::address(dict));
    EXPECT_EQ(functions.functionOf(threadState(), tid), -1) << "the frame's code is not a code object";
    FakeMemory::put(m_frame, m_layout.frames.frameCode, std::uint64_t(0));
    EXPECT_EQ(functions.functionOf(threadState(), tid), -1);
    EXPECT_TRUE(m_interned.empty());
}

} // namespace
} // namespace conlab::python

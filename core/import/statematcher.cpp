#include "core/import/statematcher.h"

#include <QByteArray>
#include <algorithm>
#include <string>
#include <vector>

namespace conlab {

namespace {

struct Candidate
{
    std::string text; // lower case
    TaskState state;
};

// Names longer than this are searched only at their start: state words come early, and a hostile file with a
// million long distinct names must not cost minutes.
constexpr std::size_t searchedPrefix = 256;

const std::vector<Candidate>& candidates()
{
    static const std::vector<Candidate> all = [] {
        std::vector<Candidate> list;
        for (TaskState state : allTaskStates) {
            list.push_back({taskStateKey(state).toLower().toStdString(), state});
            list.push_back({taskStateEnglishLabel(state).toLower().toStdString(), state});
        }
        std::stable_sort(list.begin(), list.end(),
            [](const Candidate& a, const Candidate& b) { return a.text.size() > b.text.size(); });
        return list;
    }();
    return all;
}

bool isWordCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

} // namespace

std::optional<TaskState> stateNamedIn(std::string_view text)
{
    std::string lower(text.substr(0, searchedPrefix));
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    for (const Candidate& candidate : candidates()) {
        for (std::size_t at = lower.find(candidate.text); at != std::string::npos;
             at = lower.find(candidate.text, at + 1)) {
            const std::size_t end = at + candidate.text.size();
            if ((at == 0 || !isWordCharacter(lower[at - 1])) && (end == lower.size() || !isWordCharacter(lower[end])))
                return candidate.state;
        }
    }
    return std::nullopt;
}

} // namespace conlab

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "synthtext.h"

#include <QCryptographicHash>
#include <array>
#include <vector>

namespace {
const std::vector<QByteArray>& vocabulary()
{
    // Common English words first (drawn most often), then generated words for a long tail.
    static const std::vector<QByteArray> words = [] {
        std::vector<QByteArray> list;
        for (const char* word : { "the", "test", "output", "we", "to", "is", "a", "of", "and", "in", "that", "this",
                 "it", "for", "file", "now", "should", "let", "me", "check", "with", "expected", "value", "line",
                 "case", "input", "error", "function", "when", "not", "but", "format", "handle", "parse", "argument",
                 "option", "flag", "return", "reference", "binary", "behaviour", "matches", "differs", "empty",
                 "string", "number", "field", "implement", "fix", "edge", "missing", "trailing", "newline", "exit",
                 "code", "stderr", "stdout", "passes", "fails", "again", "first", "then", "next", "because", "so",
                 "which", "looks", "like", "need", "add", "update", "read", "write", "buffer", "column", "row", "width",
                 "count", "index", "range", "token", "node", "tree", "path" })
            list.emplace_back(word);
        static const char* syllables[] = { "ka", "lo", "min", "ter", "ra", "vex", "do", "pan", "si", "qu", "ber", "tal",
            "mo", "nix", "ul", "ze", "cor", "fi", "gan", "hy", "jo", "pre", "sta", "tri" };
        SynthRandom random(20260601);
        while (list.size() < 4000) {
            QByteArray word;
            const int parts = int(random.range(1, 3));
            for (int i = 0; i < parts; ++i)
                word += syllables[random.range(0, 23)];
            list.push_back(word);
        }
        return list;
    }();
    return words;
}

/// A view, never a shared copy: text is appended to, and must never write into the vocabulary it came from.
QByteArrayView word(SynthRandom& random)
{
    const auto& words = vocabulary();
    // Zipf-like: small indexes far more often.
    const double u = random.uniform();
    const size_t index = size_t(double(words.size()) * u * u * u);
    return QByteArrayView(words[std::min(index, words.size() - 1)]);
}
}

namespace SynthText {

QByteArray prose(SynthRandom& random, int words)
{
    QByteArray text;
    text.reserve(words * 6);
    bool capital = true;
    for (int i = 0; i < words; ++i) {
        if (i)
            text += ' ';
        const qsizetype start = text.size();
        text.append(word(random));
        if (capital) {
            text[start] = char(toupper(text[start]));
            capital = false;
        }
        if (random.chance(0.08)) {
            text += random.chance(0.8) ? "." : ":";
            capital = true;
        } else if (random.chance(0.05)) {
            text += ',';
        }
    }
    text += '.';
    return text;
}

QByteArray code(SynthRandom& random, int lines, const QByteArray& language)
{
    static const std::array<const char*, 6> keywords { "if", "for", "while", "return", "let", "match" };
    QByteArray text;
    int depth = 0;
    for (int i = 0; i < lines; ++i) {
        text += QByteArray(depth * 4, ' ');
        const int kind = int(random.range(0, 9));
        if (kind == 0 && depth < 4) {
            text += keywords[size_t(random.range(0, 5))];
            text += ' ';
            text.append(word(random));
            text += language == "python" ? " :" : " {";
            ++depth;
        } else if (kind == 1 && depth > 0) {
            text += language == "python" ? "pass" : "}";
            --depth;
        } else if (kind == 2) {
            text += language == "python" ? "# " : "// ";
            text += prose(random, int(random.range(3, 9)));
        } else {
            text.append(word(random));
            text += '_';
            text.append(word(random));
            text += " = ";
            text.append(word(random));
            text += '(';
            text.append(word(random));
            text += ", ";
            text += QByteArray::number(random.range(0, 999));
            text += ')';
            if (language != "python")
                text += ';';
        }
        text += '\n';
    }
    return text;
}

QByteArray shellOutput(SynthRandom& random, int lines)
{
    QByteArray text;
    for (int i = 0; i < lines; ++i) {
        switch (random.range(0, 3)) {
        case 0: {
            text.append(word(random));
            text += '/';
            text.append(word(random));
            text += '.';
            const QByteArrayView extension = word(random);
            text.append(extension.first(std::min<qsizetype>(3, extension.size())));
            break;
        }
        case 1:
            text += QByteArray::number(random.range(0, 65535)) + '\t';
            text.append(word(random));
            text += '\t';
            text.append(word(random));
            break;
        default:
            text += prose(random, int(random.range(2, 12)));
        }
        text += '\n';
    }
    return text;
}

QByteArray id(SynthRandom& random)
{
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    QByteArray id(22, '0');
    for (char& c : id)
        c = alphabet[random.range(0, int(sizeof alphabet) - 2)];
    return id;
}

QByteArray hash(const QByteArray& text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
}
}

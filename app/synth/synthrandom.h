// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <cmath>
#include <cstdint>
#include <iterator>

/// A small seeded generator (splitmix64) with distributions written out here: std's distributions differ
/// between standard libraries, and generated archives must be the same everywhere for a seed.
class SynthRandom {
public:
    explicit SynthRandom(uint64_t seed)
        : m_state(seed)
    {
    }
    /// A generator for one named part of the data, independent of how much was drawn elsewhere.
    static SynthRandom derive(uint64_t seed, uint64_t a, uint64_t b = 0, uint64_t c = 0)
    {
        SynthRandom random(
            seed ^ (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ (c * 0x165667B19E3779F9ULL));
        random.next();
        return random;
    }
    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    /// An integer in [low, high].
    int64_t range(int64_t low, int64_t high) { return low + int64_t(next() % uint64_t(high - low + 1)); }
    bool chance(double probability) { return uniform() < probability; }
    /// Roughly normal: the sum of four uniforms, scaled.
    double normal(double mean, double deviation)
    {
        const double sum = uniform() + uniform() + uniform() + uniform() - 2.0;
        return mean + deviation * sum * 1.7320508;
    }
    double logUniform(double low, double high) { return std::exp(uniform(std::log(low), std::log(high))); }
    /// One element of a non-empty container, each as likely.
    template <class Container> const auto& pick(const Container& items)
    {
        return items[size_t(next() % uint64_t(std::size(items)))];
    }

private:
    uint64_t m_state;
};

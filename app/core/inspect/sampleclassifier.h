#pragma once

#include "importoptions.h"
#include "records/logrecords.h"

/// Fills a sample's MirrorCode program, tier and language (from its metadata, else from a
/// `<program>_<language>` id and the built-in target table) and whether it is solved.
void classifySample(SampleRecord& sample, const ImportOptions& options);

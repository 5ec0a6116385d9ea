#pragma once

namespace conlab {

// The source revision this binary was built from (`git describe --always --dirty --long`, read at build time by
// app/revision.cmake), or "unknown" when it was built outside a git checkout.
const char* sourceRevision();

} // namespace conlab

#pragma once

#include "core/workload/latencyroundtrip.h"

#include <QtGlobal>
#include <cstdint>

namespace conlab {

class CancelToken;

// One request on its own connection to 127.0.0.1:port, blocking the calling thread until the reply, the cancel
// token or replyTimeoutNs(delayUs).
IoResult blockingRoundTrip(quint16 port, std::uint64_t token, std::int64_t delayUs, const CancelToken& cancel);

} // namespace conlab

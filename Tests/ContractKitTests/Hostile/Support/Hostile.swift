import Testing

/// Groups the hostile-input suites so they run one after another: several of them saturate the
/// two cores or the memory of a small machine (50 MB documents, 100,000 steps, 20 MB bodies),
/// which would starve the timers and skew the resident-memory growth the others measure.
@Suite(.serialized)
enum Hostile {}

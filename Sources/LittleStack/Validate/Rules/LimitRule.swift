import YAMLBridge

/// CloudFormation's size and count limits.
enum LimitRule {
    /// Largest template body CloudFormation takes inline (`TemplateBody`).
    static let inlineBodyLimit = 51_200
    /// Largest template body CloudFormation takes from S3 (`TemplateURL`).
    static let s3BodyLimit = 1_048_576
    static let counts = [("Resources", "resources", 500), ("Parameters", "parameters", 200), ("Outputs", "outputs", 200)]

    static func check(_ context: inout ValidationContext) {
        let size = context.template.source.bytes.count
        if size > s3BodyLimit {
            context.reportFile(.error, "template body is \(grouped(size)) bytes, more than the limit of 1,048,576 bytes")
        } else if size > inlineBodyLimit {
            context.reportFile(.warning, "template body is \(grouped(size)) bytes, more than the 51,200 bytes "
                               + "CloudFormation takes inline: it must go through S3 (littlestack uploads it)")
        }
        for (section, word, limit) in counts {
            guard let pair = context.model.root.pairs.first(where: { JSONValue.keyText($0.key) == section }),
                  case .mapping(let map) = pair.value, map.pairs.count > limit else { continue }
            context.report(.error, at: pair.key.start,
                           "template has \(map.pairs.count) \(word), more than the limit of \(limit)")
        }
    }

    /// `51200` → `51,200`.
    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > 0 {
            digits.insert(",", at: i)
            i -= 3
        }
        return String(digits)
    }
}

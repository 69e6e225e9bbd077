import YAMLBridge

/// Keeps NoEcho parameter values out of every output.
///
/// AWS prints NoEcho values as `****`, but the local emulator shows them in clear, so littlestack never relies on
/// the service: the NoEcho names come from the template's own `Parameters` section.
public enum NoEchoParameters {
    /// What a hidden value is printed as.
    public static let mask = "****"

    /// The names of the parameters declared `NoEcho: true` (or `"true"`, any case) in a template.
    /// - Parameter template: the template's parsed tree (JSON or YAML).
    /// - Returns: the parameter names.
    public static func names(in template: Node) -> Set<String> {
        guard let parameters = template["Parameters"]?.mapping else { return [] }
        var names: Set<String> = []
        for pair in parameters.pairs {
            guard let name = pair.key.scalar?.value, let flag = pair.value["NoEcho"]?.scalar else { continue }
            if flag.value.lowercased() == "true" { names.insert(name) }
        }
        return names
    }

    /// The parameter list with NoEcho values replaced by ``mask``.
    /// - Parameters:
    ///   - parameters: key/value pairs in order.
    ///   - noEcho: the NoEcho parameter names.
    public static func masked(_ parameters: [StackParameter], noEcho: Set<String>) -> [StackParameter] {
        parameters.map { noEcho.contains($0.key) && !$0.usePreviousValue ? StackParameter(key: $0.key, value: mask) : $0 }
    }
}

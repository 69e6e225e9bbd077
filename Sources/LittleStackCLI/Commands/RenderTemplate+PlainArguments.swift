extension RenderTemplate {
    /// The request `arguments` (the command line after the program name) make when they are `render-template`
    /// in its plain form: one template path and any of `--vars FILE`, `--search-path DIR` (repeatable) and
    /// `--strict`, each option spelled out and given at most once (`--search-path` excepted), no value
    /// beginning with `-`. Nil for anything else (`--vars=FILE`, `--`, `-h`, a repeated option, an unknown one,
    /// the hidden `--repeat`, another command): ArgumentParser reads those, with its own messages.
    ///
    /// Why not always ArgumentParser: its first parse in a process costs about 1.3 ms (type metadata and
    /// protocol-conformance lookups, each a scan of the whole binary's ~8,800 conformance records), which was
    /// more than a third of rendering a small template (3.4 ms then, 2.1 ms now). The plain form is what
    /// scripts and CI run; it gives exactly the request ArgumentParser would (`PlainArgumentsTests`).
    static func plainRequest(_ arguments: [String]) -> Request? {
        guard arguments.first == configuration.commandName else { return nil }
        var template: String?
        var vars: String?
        var searchPaths: [String] = []
        var strict = false
        var i = 1
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--vars", "--search-path":
                guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") else { return nil }
                if argument == "--vars" {
                    guard vars == nil else { return nil }
                    vars = arguments[i + 1]
                } else {
                    searchPaths.append(arguments[i + 1])
                }
                i += 2
                continue
            case "--strict":
                guard !strict else { return nil }
                strict = true
            default:
                guard !argument.hasPrefix("-"), template == nil else { return nil }
                template = argument
            }
            i += 1
        }
        guard let template else { return nil }
        return Request(template: template, vars: vars, searchPaths: searchPaths, strict: strict)
    }
}

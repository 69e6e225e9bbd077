import ArgumentParser
import Foundation
import LittleStack
import TemplateEngine

/// `littlestack render-template`: renders one nunjucks template to standard output, byte for byte.
struct RenderTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-template",
        abstract: "Render a nunjucks template to standard output.",
        discussion: """
        The template's own folder is searched first for include, import and extends names, then each \
        --search-path in order. On any error nothing is printed to standard output; the error goes to \
        standard error as path:line:column: error: message, with the line and a caret.

        Examples:
          littlestack render-template stack.json.njk --vars vars.json
          littlestack render-template root.njk --search-path lib --strict
        """
    )

    @Argument(help: "The template file to render.")
    var template: String

    @Option(name: .long, help: "A JSON file holding the variables object (default: no variables).")
    var vars: String?

    @Option(name: .customLong("search-path"), help: "A folder to search for templates after the template's own folder (repeatable).")
    var searchPaths: [String] = []

    @Flag(name: .long, help: "Make using an undefined variable or attribute an error instead of an empty string.")
    var strict = false

    @Option(name: .customLong("repeat"), help: .hidden)
    var repeatCount: Int?

    func run() throws {
        try Self.render(Request(template: template, vars: vars, searchPaths: searchPaths, strict: strict), repeatCount: repeatCount)
    }

    /// What a render is asked for, however the arguments were read (ArgumentParser or `plainRequest`).
    struct Request: Equatable {
        var template: String
        var vars: String?
        var searchPaths: [String] = []
        var strict = false
    }

    /// Renders `request` to standard output and exits the process on success; throws on failure, having
    /// printed the error (`ExitCode.failure`).
    static func render(_ request: Request, repeatCount: Int? = nil) throws -> Never {
        do {
            let context = try loadVariables(request.vars)
            let environment = Environment(searchPaths: request.searchPaths, strict: request.strict)
            // Written from the render's own buffer: a large stack's output is not copied once more.
            let written = try environment.withRenderedBytes(file: request.template, context: context) { Terminal.writeBytes($0) }
            if let n = repeatCount, n > 0 { try benchmark(environment, template: request.template, context: context, renders: n) }
            guard written else { throw ExitCode.failure }
            // The render is done and written: freeing a large variables tree value by value at exit
            // costs more than the render itself for big stacks, so leave at once.
            Foundation.exit(0)
        } catch let error as TemplateError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// The `--vars` object, or an empty context.
    private static func loadVariables(_ vars: String?) throws -> Value {
        guard let vars else { return Value(object: []) }
        guard let bytes = try? FileIO.read(vars) else {
            throw TemplateError(path: vars, line: 1, column: 1, message: "cannot read variables file '\(vars)'")
        }
        let value = try Value.parseJSON(bytes, path: vars)
        guard value.kind == .object else {
            let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
            throw TemplateError(path: vars, line: 1, column: 1, message: "the variables file must hold a JSON object",
                                lineText: firstLine)
        }
        return value
    }

    /// Hidden `--repeat N`: times N in-process renders (after the first, which compiled and cached) on stderr.
    private static func benchmark(_ environment: Environment, template: String, context: Value, renders: Int) throws {
        var best = Double.infinity
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<renders {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try environment.withRenderedBytes(file: template, context: context) { $0.count }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0))
        }
        let mean = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(renders)
        let line = String(format: "render-template: %d renders, mean %.4f ms, best %.4f ms\n", renders, mean / 1e6, best / 1e6)
        FileHandle.standardError.write(Data(line.utf8))
    }
}

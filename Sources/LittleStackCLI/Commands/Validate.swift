import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack validate FILE`: offline checks of a stack or template.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a stack config's rendered template, or a template, without AWS.",
            discussion: """
            Checks the template's sections, every Ref, Fn::GetAtt, Fn::Sub, DependsOn, Condition and Fn::FindInMap target, parameters against the config, logical IDs, CloudFormation's limits and the shapes of API Gateway stages/deployments and Lambda versions/aliases. Findings print as path:line:column: severity: message with the line and a caret; positions in a config's template are in its rendered text. Exits 0 with no errors (warnings allowed unless --strict), 1 otherwise.

            Examples:
              littlestack validate stacks/hello-api/config.json
              littlestack validate template.yaml --lint --output json
            """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A stack config (rendered first) or a template (.json, .yaml, .yml).")
        var file: String

        @Flag(help: "Fail on warnings too (and render with undefined variables as errors).")
        var strict = false

        @Flag(help: "Also run cfn-lint (when on PATH) on the rendered template and include its findings.")
        var lint = false

        func run() throws {
            var findings: [Diagnostic] = []
            do {
                let (template, config) = try StackInput.load(file, options: global, strict: strict, origins: true)
                findings = Validator.validate(template, config: config)
                if lint {
                    if let cfnLint = CFNLint.executable(environment: Terminal.environment) {
                        Terminal.verbose(global, "running '\(cfnLint)'")
                        findings = Diagnostic.sorted(findings + (try CFNLint.run(template, executable: cfnLint)))
                    } else {
                        Terminal.error("littlestack: warning: --lint: cfn-lint is not on PATH; skipped")
                    }
                }
            } catch let error as DiagnosticError {
                findings = error.diagnostics
            } catch {
                Terminal.report(error, format: global.output)
                throw ExitCode.failure
            }
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.filter { $0.severity == .warning }.count
            switch global.output {
            case .text:
                for finding in findings { Terminal.write(finding.description + "\n") }
                Terminal.write(Validator.summary(findings) + "\n")
            case .json:
                let result = JSONValue.object([
                    ("findings", .array(findings.map(\.jsonValue))),
                    ("errors", .number(Double(errors))),
                    ("warnings", .number(Double(warnings))),
                ])
                Terminal.write(result.jsonText(indent: 2) + "\n")
            }
            if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
        }
    }
}

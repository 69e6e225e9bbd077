import Foundation
@testable import LittleStack

/// Everything a console printed, kept for comparison (thread-safe: the console's closures are `@Sendable`).
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    private var answers: [String]

    init(answers: [String] = []) { self.answers = answers }

    var stdout: String { lock.withLock { outText } }
    var stderr: String { lock.withLock { errText } }

    func out(_ text: String) { lock.withLock { outText += text } }
    func err(_ text: String) { lock.withLock { errText += text } }
    func answer() -> String? { lock.withLock { answers.isEmpty ? nil : answers.removeFirst() } }
}

extension ApplyConsole {
    /// A console writing into a `CapturedOutput`, answering prompts from `answers`.
    static func capturing(answers: [String] = [], isTerminal: Bool = false, canPrompt: Bool = false,
                          verbose: Bool = false, width: Int = 120) -> (console: ApplyConsole, output: CapturedOutput) {
        let output = CapturedOutput(answers: answers)
        let console = ApplyConsole(writeOut: { output.out($0) }, writeErr: { output.err($0) },
                                   readLine: { output.answer() }, isTerminal: isTerminal, canPrompt: canPrompt,
                                   width: width, verbose: verbose)
        return (console, output)
    }
}

extension StackOperations {
    /// Prints a stack: status, parameters (NoEcho values masked, the NoEcho names read from the deployed template
    /// because the local emulator shows them in clear), tags, outputs and resources.
    /// - Parameters:
    ///   - stack: the stack's name or ARN.
    ///   - json: print JSON.
    /// - Returns: the description printed.
    /// - Throws: ``ApplyError/stackNotFound(_:)``, the AWS client's errors.
    @discardableResult
    public func describe(stack: String, json: Bool = false) async throws -> StackDescription {
        guard let described = try await backend.describeStack(stack) else { throw ApplyError.stackNotFound(stack) }
        let noEcho = try await noEchoNames(described)
        let console = redacting(described, noEcho: noEcho).console
        let description = StackDescription(
            stackName: described.stackName, stackID: described.stackID, status: described.status,
            statusReason: described.statusReason,
            parameters: NoEchoParameters.masked(described.parameters, noEcho: noEcho),
            tags: described.tags, outputs: described.outputs,
            resources: try await backend.stackResources(described.stackID))
        console.out(json ? Self.json(description) : description.text)
        return description
    }

    /// The NoEcho parameter names of a deployed stack, read from its template (the emulator shows values in clear).
    func noEchoNames(_ stack: Deployed.Stack) async throws -> Set<String> {
        // A stack without a readable template (REVIEW_IN_PROGRESS) has no NoEcho names to find.
        NoEchoParameters.names(inTemplateText: (try? await backend.templateBody(stack: stack.stackID)) ?? "")
    }

    /// These operations with the stack's NoEcho values added to the console's redactor (which every copy of the
    /// console shares, so `self` hides them from now on too).
    func redacting(_ stack: Deployed.Stack, noEcho: Set<String>) -> StackOperations {
        let values = (stack.parameters + knownParameters).filter { noEcho.contains($0.key) && !$0.usePreviousValue }
        console.redactor.add(values.map(\.value))
        return self
    }

    /// These operations with the NoEcho values of a stack (looked up) added to the console's redactor.
    func redacting(_ stack: Deployed.Stack) async throws -> StackOperations {
        redacting(stack, noEcho: try await noEchoNames(stack))
    }
}

/// Live lookups over AWS: DescribeStackResources, API Gateway GetStage, Lambda GetAlias.
struct AWSReleaseReader: ReleaseLiveReader {
    let backend: StackBackend
    let stackName: String

    func physicalIDs() async throws -> [String: String] {
        guard try await backend.describeStack(stackName) != nil else { return [:] }
        var ids: [String: String] = [:]
        for resource in try await backend.stackResources(stackName) {
            if let physical = resource.physicalResourceID { ids[resource.logicalResourceID] = physical }
        }
        return ids
    }

    func stageDeployment(restAPIID: String, stage: String) async throws -> String? {
        do {
            return try await APIGatewayClient(client: backend.client).getStage(restAPIID: restAPIID, stageName: stage).deploymentID
        } catch let error as AWSServiceError where error.status == 404 || error.code.hasPrefix("NotFound") {
            return nil
        }
    }

    func aliasVersion(function: String, alias: String) async throws -> String? {
        do {
            return try await LambdaClient(client: backend.client).getAlias(functionName: function, name: alias).functionVersion
        } catch let error as AWSServiceError where error.status == 404 || error.code.hasPrefix("ResourceNotFound") {
            return nil
        }
    }
}

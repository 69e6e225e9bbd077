import Foundation
import Testing

@testable import LittleStack

/// Lambda and API Gateway reads against the emulator, on resources created through the same client (raw REST-JSON
/// calls), so the wrappers meet the emulator's real reply shapes.
@Suite(.enabled(if: AWSEmulator.endpoint != nil, "needs LITTLESTACK_EMULATOR or AWS_ENDPOINT_URL on 127.0.0.1"))
struct EmulatorReleaseAPITests {
    /// Any JSON reply, ignored.
    struct Ignored: Decodable {}

    static func json(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    @Test func lambdaVersionsAndAlias() async throws {
        let client = AWSEmulator.client()
        let name = AWSEmulator.unique("littlestack-fn")
        let role = try await client.query(
            .iam, action: "CreateRole", version: IAMClient.version,
            parameters: [
                ("RoleName", name),
                ("AssumeRolePolicyDocument", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#),
            ])
        let roleARN = try #require(role.child("Role")?.string("Arn"))
        // The smallest valid zip: an end-of-central-directory record and nothing else.
        let zip = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        _ = try await client.restJSON(
            .lambda, method: "POST", path: "/2015-03-31/functions",
            body: try Self.json([
                "FunctionName": name, "Runtime": "python3.12", "Role": roleARN, "Handler": "index.handler",
                "Code": ["ZipFile": zip.base64EncodedString()], "Description": "v0",
            ]), as: Ignored.self)
        _ = try await client.restJSON(
            .lambda, method: "POST", path: LambdaClient.functionPath(name) + "/versions",
            body: try Self.json(["Description": "little-authn 1.0.5"]), as: Ignored.self)
        _ = try await client.restJSON(
            .lambda, method: "POST", path: LambdaClient.functionPath(name) + "/aliases",
            body: try Self.json(["Name": "gateway_prod", "FunctionVersion": "1"]), as: Ignored.self)

        let lambda = LambdaClient(client: client)
        let alias = try await lambda.getAlias(functionName: name, name: "gateway_prod")
        #expect(alias.name == "gateway_prod")
        #expect(alias.functionVersion == "1")
        #expect(alias.aliasARN == "arn:aws:lambda:us-east-1:123456789012:function:\(name):gateway_prod")
        let versions = try await lambda.listVersionsByFunction(functionName: name)
        #expect(versions.map(\.version) == ["$LATEST", "1"])
        #expect(versions.last?.description == "little-authn 1.0.5")
        let function = try await lambda.getFunction(functionName: name)
        #expect(function.configuration.functionName == name)
        #expect(function.configuration.version == "$LATEST")
        let byARN = try await lambda.getAlias(
            functionName: "arn:aws:lambda:us-east-1:123456789012:function:\(name)", name: "gateway_prod")
        #expect(byARN == alias)
        let missing = await #expect(throws: AWSServiceError.self) {
            try await lambda.getAlias(functionName: name, name: "nope")
        }
        #expect(missing?.code == "ResourceNotFoundException")
        #expect(missing?.status == 404)
    }

    @Test func apiGatewayStagesAndDeployments() async throws {
        struct Created: Decodable { var id: String }
        let client = AWSEmulator.client()
        let api = try await client.restJSON(
            .apiGateway, method: "POST", path: "/restapis", body: try Self.json(["name": AWSEmulator.unique("api")]),
            as: Created.self)
        let resources = try await client.restJSON(
            .apiGateway, path: "/restapis/\(api.id)/resources",
            as: [String: [[String: String?]]].self)
        let rootID = try #require(resources["item"]?.first?["id"] ?? nil)
        _ = try await client.restJSON(
            .apiGateway, method: "PUT", path: "/restapis/\(api.id)/resources/\(rootID)/methods/GET",
            body: try Self.json(["authorizationType": "NONE"]), as: Ignored.self)
        _ = try await client.restJSON(
            .apiGateway, method: "PUT", path: "/restapis/\(api.id)/resources/\(rootID)/methods/GET/integration",
            body: try Self.json(["type": "MOCK"]), as: Ignored.self)
        let deployment = try await client.restJSON(
            .apiGateway, method: "POST", path: "/restapis/\(api.id)/deployments",
            body: try Self.json(["stageName": "beta", "description": "initial deployment"]), as: Created.self)

        let gateway = APIGatewayClient(client: client)
        let stage = try await gateway.getStage(restAPIID: api.id, stageName: "beta")
        #expect(stage.stageName == "beta")
        #expect(stage.deploymentID == deployment.id)
        let stages = try await gateway.getStages(restAPIID: api.id)
        #expect(stages.map(\.stageName) == ["beta"])
        let deployments = try await gateway.getDeployments(restAPIID: api.id)
        #expect(deployments.map(\.id) == [deployment.id])
        #expect(deployments.first?.description == "initial deployment")
        #expect(deployments.first?.createdDate != nil)
        let missing = await #expect(throws: AWSServiceError.self) {
            try await gateway.getStage(restAPIID: api.id, stageName: "prod")
        }
        #expect(missing?.status == 404)
    }
}

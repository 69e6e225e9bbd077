import Foundation

/// A timestamp API Gateway sends as epoch seconds (moto and AWS) or ISO 8601 text.
public struct APIGatewayDate: Sendable, Equatable, Decodable {
    /// The time.
    public var date: Date

    /// Decodes a number of seconds or an ISO 8601 string.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            date = Date(timeIntervalSince1970: seconds)
        } else if let date = AWSDate.parse(try container.decode(String.self)) {
            self.date = date
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp")
        }
    }
}

/// An API Gateway stage (GetStage).
public struct APIGatewayStage: Sendable, Equatable, Decodable {
    /// `stageName`.
    public var stageName: String
    /// `deploymentId`: the deployment the stage serves.
    public var deploymentID: String?
    /// `description`.
    public var description: String?
    /// `variables`: stage variables.
    public var variables: [String: String]?
    /// `createdDate`.
    public var createdDate: APIGatewayDate?
    /// `lastUpdatedDate`.
    public var lastUpdatedDate: APIGatewayDate?

    enum CodingKeys: String, CodingKey {
        case stageName, deploymentID = "deploymentId", description, variables, createdDate, lastUpdatedDate
    }
}

/// An API Gateway deployment (GetDeployments).
public struct APIGatewayDeployment: Sendable, Equatable, Decodable {
    /// `id`.
    public var id: String
    /// `description`.
    public var description: String?
    /// `createdDate`.
    public var createdDate: APIGatewayDate?
}

/// Amazon API Gateway's REST API (REST-JSON): stages and deployments of a REST API.
public struct APIGatewayClient: Sendable {
    /// The client requests go through.
    public let client: AWSClient

    /// Creates an API Gateway client.
    /// - Parameter client: the signed HTTP client.
    public init(client: AWSClient) { self.client = client }

    static func apiPath(_ restAPIID: String) -> String { "/restapis/" + SigV4Signer.uriEncode(restAPIID) }

    /// GetStage.
    /// - Parameters:
    ///   - restAPIID: the REST API's ID.
    ///   - stageName: the stage.
    /// - Returns: the stage.
    /// - Throws: ``AWSServiceError`` (`NotFoundException`).
    public func getStage(restAPIID: String, stageName: String) async throws -> APIGatewayStage {
        try await client.restJSON(
            .apiGateway, path: Self.apiPath(restAPIID) + "/stages/" + SigV4Signer.uriEncode(stageName),
            as: APIGatewayStage.self)
    }

    /// GetStages.
    /// - Parameters:
    ///   - restAPIID: the REST API's ID.
    ///   - deploymentID: only the stages serving this deployment, if set.
    /// - Returns: the stages.
    public func getStages(restAPIID: String, deploymentID: String? = nil) async throws -> [APIGatewayStage] {
        struct Page: Decodable { var item: [APIGatewayStage]? }
        return try await client.restJSON(
            .apiGateway, path: Self.apiPath(restAPIID) + "/stages",
            query: deploymentID.map { [("deploymentId", $0)] } ?? [], as: Page.self
        ).item ?? []
    }

    /// GetDeployments, every page.
    /// - Parameter restAPIID: the REST API's ID.
    /// - Returns: the deployments.
    public func getDeployments(restAPIID: String) async throws -> [APIGatewayDeployment] {
        struct Page: Decodable {
            var item: [APIGatewayDeployment]?
            var position: String?
        }
        var deployments: [APIGatewayDeployment] = []
        var position: String?
        repeat {
            var query: [(name: String, value: String)] = [("limit", "500")]
            if let position { query.append(("position", position)) }
            let page = try await client.restJSON(
                .apiGateway, path: Self.apiPath(restAPIID) + "/deployments", query: query, as: Page.self)
            deployments += page.item ?? []
            position = page.position.flatMap { $0.isEmpty ? nil : $0 }
        } while position != nil
        return deployments
    }
}

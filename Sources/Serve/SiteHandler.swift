import FlyingFox
import Foundation

/// Answers every request: the event stream, files of the served folder (HTML with the live-reload script),
/// redirects for folders asked for without their trailing slash, and the site's `404.html` for anything else.
struct SiteHandler: HTTPHandler {
    let resolver: SiteResolver
    let hub: LiveReloadHub

    init(siteFolder: URL, hub: LiveReloadHub) {
        self.resolver = SiteResolver(root: siteFolder)
        self.hub = hub
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        await response(to: request)
    }

    func response(to request: HTTPRequest) async -> HTTPResponse {
        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            return HTTPResponse(
                statusCode: .methodNotAllowed,
                headers: HTTPHeaders([.allow: "GET, HEAD", .contentType: "text/plain; charset=utf-8"]),
                body: Data("Only GET and HEAD are supported.\n".utf8)
            )
        }
        let target = request.target.path(percentEncoded: true)
        if target == LiveReloadHub.eventsPath {
            return await eventStream(head: isHead)
        }
        switch resolver.resolve(target: target, query: request.target.query(percentEncoded: true)) {
        case .file(let path):
            if let response = await fileResponse(path: path, status: .ok, head: isHead) {
                return response
            }
            return await notFound(target, head: isHead)
        case .redirect(let location):
            return HTTPResponse(
                statusCode: .found,
                headers: HTTPHeaders([.location: location, .cacheControl: "no-store", .contentType: "text/plain; charset=utf-8"]),
                body: isHead ? Data() : Data("Found: \(location)\n".utf8)
            )
        case .notFound:
            return await notFound(target, head: isHead)
        }
    }

    private func notFound(_ target: String, head: Bool) async -> HTTPResponse {
        if let page = resolver.notFoundPage(for: target),
           let response = await fileResponse(path: page, status: .notFound, head: head) {
            return response
        }
        let html = Data("""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>404 Not Found</title></head>
            <body><h1>404 Not Found</h1><p>There is no such page in this site.</p></body></html>

            """.utf8)
        return await body(html, contentType: "text/html; charset=utf-8", status: .notFound, head: head)
    }

    private func fileResponse(path: String, status: HTTPStatusCode, head: Bool) async -> HTTPResponse? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return await body(data, contentType: ContentTypes.forPath(path), status: status, head: head)
    }

    private func body(_ data: Data, contentType: String, status: HTTPStatusCode, head: Bool) async -> HTTPResponse {
        var data = data
        if ContentTypes.isHTML(contentType) {
            data = LiveReloadScript.inject(into: data, token: await hub.token)
        }
        var headers: HTTPHeaders = [
            .contentType: contentType,
            .cacheControl: "no-store",
            .xContentTypeOptions: "nosniff",
        ]
        if head {
            headers[.contentLength] = String(data.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: data)
    }

    private func eventStream(head: Bool) async -> HTTPResponse {
        let headers: HTTPHeaders = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-store",
        ]
        if head {
            return HTTPResponse(statusCode: .ok, headers: headers, body: Data())
        }
        let events = await hub.subscribe()
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStreamBytes(events: events)))
    }
}

extension HTTPHeader {
    static let allow = HTTPHeader("Allow")
    static let xContentTypeOptions = HTTPHeader("X-Content-Type-Options")
}

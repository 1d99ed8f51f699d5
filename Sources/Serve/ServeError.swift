import Foundation

/// Errors thrown by `DevServer.run()` before it starts serving.
public enum ServeError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Another process already listens on the port.
    case portInUse(Int)
    /// The port is outside 0...65535.
    case invalidPort(Int)
    /// Binding or listening failed for another reason (for example a privileged port).
    case cannotListen(port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let port):
            let suggestion = port >= 65535 ? port - 1 : port + 1
            return "port \(port) is in use; try --port \(suggestion)"
        case .invalidPort(let port):
            return "port \(port) is not a valid port; use a number from 1 to 65535"
        case .cannotListen(let port, let reason):
            return "cannot listen on 127.0.0.1:\(port): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

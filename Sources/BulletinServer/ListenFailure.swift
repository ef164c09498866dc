#if canImport(Glibc)
import Glibc
#endif

extension PreviewServer.Failure {
    /// Why the server cannot listen on `host`:`port`, said as an editor would say it, from
    /// the `errno` of the failed `bind`, rather than the system call's own words
    /// (`bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`).
    static func listening(host: String, port: Int, errno code: CInt, detail: String) -> Self {
        switch code {
        case EADDRINUSE:
            let other = freePort(near: port, host: host).map { "--port \($0)" } ?? "--port 0 (any free port)"
            return Self(
                description: "port \(port) on \(host) is already in use",
                hint: "another program (perhaps another bulletin serve) is using it; choose another with --port, such as \(other)")
        case EACCES:
            return Self(
                description: "port \(port) on \(host) may only be used by the system's administrator (ports below 1024 are reserved)",
                hint: "choose a port from 1024 up with --port, such as --port 1313")
        case EADDRNOTAVAIL:
            return Self(description: "\(host) is not an address of this computer, so nothing can listen on it", hint: hostHint)
        default:
            return Self(
                description: "cannot listen on \(host):\(port): \(detail)",
                hint: "choose another port with --port, or another address with --host")
        }
    }

    /// `--host` names something that is neither an address nor a name this computer can
    /// look up.
    static func unknownHost(_ host: String) -> Self {
        Self(description: "there is no address named \(host): it is neither a number such as 127.0.0.1 nor a name this computer knows",
             hint: hostHint)
    }

    private static let hostHint =
        "--host takes one of this computer's addresses: 127.0.0.1 (this computer only) or 0.0.0.0 (everyone on the network)"

    /// A port near `port` that can be listened on now (checked by binding it, as the server
    /// binds: with SO_REUSEADDR), so that the hint names one that works; nil if none of the
    /// next ten is.
    static func freePort(near port: Int, host: String) -> Int? {
        guard port < 65535 else { return nil }
        return ((port + 1)...min(port + 10, 65535)).first { canListen(host: host, port: $0) }
    }

    private static func canListen(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else { return false }
        defer { freeaddrinfo(found) }
        let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var yes: CInt = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<CInt>.size))
        return bind(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
    }
}

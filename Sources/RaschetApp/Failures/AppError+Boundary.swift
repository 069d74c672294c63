extension AppError {
    /// Runs a use case's body: any error it throws leaves as an `AppError` (see `init(_:)`).
    static func boundary<T>(_ body: () throws -> T) throws(AppError) -> T {
        do {
            return try body()
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(error)
        }
    }
}

/// A way to reach a customer, such as the one they prefer to be contacted by.
///
/// The raw values are stored in records and JSON and never change.
///
/// ```swift
/// var customer = Customer(fullName: "Trần Thị Lan")
/// customer.preferredChannel = .zalo
/// Channel(rawValue: "sms")   // .sms
/// ```
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    /// A voice call.
    case phone
    /// A text message.
    case sms
    /// A message on Zalo.
    case zalo
    /// An email.
    case email
    /// A message on Facebook (Messenger or a page).
    case facebook
    /// In person, at a store.
    case store
}

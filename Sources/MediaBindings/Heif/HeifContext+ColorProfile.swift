internal import CHeif

extension HeifContext {
    /// The primary image's ICC profile as stored (`prof` or `rICC`), so a re-encoded copy shows
    /// the same colours (iPhones tag Display P3); nil when the file has none or only `nclx`
    /// colour information (libheif reports a size for ICC profiles only). The handle from
    /// `heif_context_get_primary_image_handle` is released on the next line's defer.
    public func primaryICCProfile() throws(HeifError) -> [UInt8]? {
        var handle: OpaquePointer? = nil
        try check(heif_context_get_primary_image_handle(context, &handle), "heif_context_get_primary_image_handle")
        defer { heif_image_handle_release(handle) }
        let size = heif_image_handle_get_raw_color_profile_size(handle)
        guard size > 0 else { return nil }
        var profile = [UInt8](repeating: 0, count: size)
        try check(heif_image_handle_get_raw_color_profile(handle, &profile), "heif_image_handle_get_raw_color_profile")
        return profile
    }
}

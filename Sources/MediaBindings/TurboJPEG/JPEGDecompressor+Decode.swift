internal import CTurboJPEG

extension JPEGDecompressor {
    /// The scale factors libjpeg-turbo can decode at without resampling (1/8 ... 1), largest first.
    public static let scaleFactors: [(num: Int, denom: Int)] = {
        var count: Int32 = 0
        guard let factors = tjGetScalingFactors(&count) else { return [(1, 1)] }
        return (0..<Int(count)).map { (Int(factors[$0].num), Int(factors[$0].denom)) }
            .filter { $0.num <= $0.denom }
            .sorted { Double($0.num) / Double($0.denom) > Double($1.num) / Double($1.denom) }
    }()

    /// The size a JPEG of `width`×`height` decodes to at `factor` (TJSCALED).
    public static func scaled(_ width: Int, _ height: Int, by factor: (num: Int, denom: Int)) -> (width: Int, height: Int) {
        let f = tjscalingfactor(num: Int32(factor.num), denom: Int32(factor.denom))
        return (Int(mc_tj_scaled(Int32(width), f)), Int(mc_tj_scaled(Int32(height), f)))
    }

    /// Decodes to RGB at `factor`, scaling in the DCT domain (cheaper than decoding full size
    /// and resizing). CMYK and YCCK data, as Photoshop writes it (inverted), become RGB here.
    /// - Returns: the pixels and libjpeg-turbo's warning when the data was damaged but decodable.
    public func decode(_ bytes: UnsafeRawBufferPointer, factor: (num: Int, denom: Int) = (1, 1)) throws(TurboJPEGError)
        -> (image: PixelImage, warning: String?) {
        let header = try header(of: bytes)
        let size = Self.scaled(header.width, header.height, by: factor)
        let cmyk = header.colorSpace == .cmyk || header.colorSpace == .ycck
        let channels = cmyk ? 4 : 3
        var warning: String?
        var pixels = [UInt8](unsafeUninitializedCapacity: size.width * size.height * channels) { buffer, count in
            count = buffer.count
            let status = tjDecompress2(handle, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt(bytes.count),
                                       buffer.baseAddress, Int32(size.width), Int32(size.width * channels), Int32(size.height),
                                       cmyk ? Int32(TJPF_CMYK.rawValue) : Int32(TJPF_RGB.rawValue), 0)
            if status != 0 { warning = String(cString: tjGetErrorStr2(handle)) }
        }
        if warning != nil, tjGetErrorCode(handle) != Int32(TJERR_WARNING.rawValue) {
            throw TurboJPEGError(function: "tjDecompress2", message: warning ?? "")
        }
        if cmyk { pixels = Self.rgb(fromInvertedCMYK: pixels) }
        return (PixelImage(width: size.width, height: size.height, layout: .rgb, pixels: pixels), warning)
    }

    /// Adobe writes CMYK JPEGs inverted (0 = full ink), so R = C·K/255 on the stored values.
    static func rgb(fromInvertedCMYK cmyk: [UInt8]) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: cmyk.count / 4 * 3)
        for i in 0..<(cmyk.count / 4) {
            let k = UInt16(cmyk[i * 4 + 3])
            rgb[i * 3] = UInt8(UInt16(cmyk[i * 4]) * k / 255)
            rgb[i * 3 + 1] = UInt8(UInt16(cmyk[i * 4 + 1]) * k / 255)
            rgb[i * 3 + 2] = UInt8(UInt16(cmyk[i * 4 + 2]) * k / 255)
        }
        return rgb
    }
}

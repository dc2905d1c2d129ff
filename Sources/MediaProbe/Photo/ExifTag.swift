/// The EXIF tag numbers mediacat reads (EXIF 2.32 / CIPA DC-008).
enum ExifTag {
    // IFD0
    static let imageDescription: UInt16 = 0x010E
    static let make: UInt16 = 0x010F
    static let model: UInt16 = 0x0110
    static let orientation: UInt16 = 0x0112
    static let software: UInt16 = 0x0131
    static let dateTime: UInt16 = 0x0132
    static let artist: UInt16 = 0x013B
    static let copyright: UInt16 = 0x8298
    static let cameraSerialNumber: UInt16 = 0xC62F  // DNG
    // Exif IFD
    static let exposureTime: UInt16 = 0x829A
    static let fNumber: UInt16 = 0x829D
    static let iso: UInt16 = 0x8827
    static let dateTimeOriginal: UInt16 = 0x9003
    static let dateTimeDigitized: UInt16 = 0x9004
    static let offsetTime: UInt16 = 0x9010
    static let offsetTimeOriginal: UInt16 = 0x9011
    static let offsetTimeDigitized: UInt16 = 0x9012
    static let flash: UInt16 = 0x9209
    static let focalLength: UInt16 = 0x920A
    static let subSecTime: UInt16 = 0x9290
    static let subSecTimeOriginal: UInt16 = 0x9291
    static let subSecTimeDigitized: UInt16 = 0x9292
    static let focalLengthIn35mmFilm: UInt16 = 0xA405
    static let bodySerialNumber: UInt16 = 0xA431
    static let lensModel: UInt16 = 0xA434
    // GPS IFD
    static let gpsLatitudeRef: UInt16 = 0x0001
    static let gpsLatitude: UInt16 = 0x0002
    static let gpsLongitudeRef: UInt16 = 0x0003
    static let gpsLongitude: UInt16 = 0x0004
    static let gpsAltitudeRef: UInt16 = 0x0005
    static let gpsAltitude: UInt16 = 0x0006
    static let gpsTimeStamp: UInt16 = 0x0007
    static let gpsDateStamp: UInt16 = 0x001D
}

import Foundation
import Testing
import TestSupport
@testable import MediaBindings

struct HeifContextTests {
    @Test func notHEIFIsLibheifsError() {
        #expect {
            _ = try HeifContext(path: Fixtures.path("photos/camera.jpg"))
        } throws: { error in
            guard let error = error as? HeifError else { return false }
            return error.function == "heif_context_read_from_file" && !error.message.isEmpty
        }
    }

    @Test(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingMessage)"))
    func primaryImageOfAnIPhoneHEIC() throws {
        let path = Fixtures.corpus!.appendingPathComponent("photos/LycheeOrg__classic-car.heic").path
        let image = try HeifContext(path: path).primaryImage()
        // The coded image is landscape; libheif applies `irot` and reports it upright.
        #expect(image.codedWidth == 4032 && image.codedHeight == 3024)
        #expect(image.width == 3024 && image.height == 4032)
        #expect(image.exifBlocks.count == 1)
    }
}

import Foundation

/// Small PDFs written byte by byte for the reader's error paths: a page holding only an image (a scan), and
/// a file whose encryption needs a password. Real documents are used for everything else.
public enum MinimalPDF {
    /// A one-page PDF whose page draws a 2×2 grey image and no text: what a scanned page looks like.
    public static func scannedPage() -> [UInt8] {
        let image = "q 500 0 0 700 50 70 cm /Im1 Do Q"
        return document([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> "
                + "/Contents 4 0 R >>",
            "<< /Length \(image.utf8.count) >>\nstream\n\(image)\nendstream",
            "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                + "/Length 4 >>\nstream\n\u{40}\u{60}\u{60}\u{40}\nendstream",
        ])
    }

    /// A one-page PDF encrypted with the standard handler under a user password that is not empty: it cannot
    /// be opened without the password.
    public static func passwordProtected() -> [UInt8] {
        let key = String(repeating: "41", count: 32)
        return document(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                "<< /Filter /Standard /V 1 /R 2 /O <\(key)> /U <\(key)> /P -4 >>",
            ],
            trailerExtra: "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]")
    }

    /// A PDF of the given objects (numbered from 1; object 1 the catalog) with a correct cross-reference table.
    private static func document(_ objects: [String], trailerExtra: String = "") -> [UInt8] {
        var bytes = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(bytes.count)
            bytes += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xref = bytes.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(trailerExtra) >>\nstartxref\n\(xref)\n%%EOF\n"
        return bytes + Array(table.utf8)
    }
}

// The one reader of image files — `--against base.binpb`, `sebuf lint --image`: a
// FileDescriptorSet in binary (as `sebuf build`, `buf build` and `protoc -o` write it) or
// in JSON (`buf build -o x.json`). Which files are imports is Proto's one rule
// (`ImageIO.decode`).
import Basics
import Proto

public enum ImageFileReader {
  public struct ReadError: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// Reads `path` as an Image; `flag` (`--against`, `--image`) starts every message.
  /// The format comes from the extension unless given.
  public static func read(_ path: String, format: ImageIO.Format? = nil, flag: String) throws -> Image {
    guard let format = format ?? ImageIO.Format(path: path) else {
      throw ReadError(
        description: "\(flag): cannot tell the image format of \(path): use a .binpb, .bin, .pb or .json file name.")
    }
    guard let bytes = FileSystem.read(path) else {
      throw ReadError(description: "\(flag): cannot read image file \(path): no such file.")
    }
    let image: Image
    do {
      image = try ImageIO.decode(bytes, format: format)
    } catch {
      throw ReadError(
        description:
          "\(flag): \(path) is not a \(format == .json ? "JSON" : "binary") image (a FileDescriptorSet as written by `sebuf build`, `buf build` or `protoc -o`): \(error)."
      )
    }
    if image.files.isEmpty {
      throw ReadError(
        description:
          "\(flag): \(path) holds no files; is it an image written by `sebuf build`, `buf build` or `protoc -o`?")
    }
    return image
  }
}

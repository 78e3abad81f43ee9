import sharp from 'sharp';
import { AppError } from '../errors';

export const avatarLimits = {
  maxBytes: 5 * 1024 * 1024,
  size: 256,
  formats: ['jpeg', 'png', 'webp', 'gif'],
} as const;

/**
 * Checks an uploaded picture by decoding it (not by its name or declared type) and returns a
 * 256×256 WebP: small enough to keep in the database and serve with one query.
 */
export async function toAvatarWebp(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  if (bytes.byteLength === 0)
    throw AppError.badInput('The image is empty', [{ field: 'image', message: 'is empty' }]);
  if (bytes.byteLength > avatarLimits.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The image is larger than 5 MB', {
      fields: [{ field: 'image', message: 'must be at most 5 MB' }],
    });
  }
  const format = await sharp(bytes)
    .metadata()
    .then((meta) => meta.format)
    .catch(() => undefined);
  if (!format || !(avatarLimits.formats as readonly string[]).includes(format)) {
    throw AppError.badInput('The file is not a JPEG, PNG, WebP or GIF image', [
      { field: 'image', message: 'must be a JPEG, PNG, WebP or GIF image' },
    ]);
  }
  const webp = await sharp(bytes, { animated: false })
    .rotate()
    .resize(avatarLimits.size, avatarLimits.size, { fit: 'cover' })
    .webp({ quality: 85 })
    .toBuffer();
  return new Uint8Array(webp);
}

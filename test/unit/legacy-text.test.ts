import { describe, it, expect } from 'vitest';
import { convertLegacyText, detectLegacyEncoding, toUnicodeText } from '../../shared/legacy-text.ts';

// Legacy strings as they arrive in Excel cells (Latin-1 reading of the font bytes), written out literally.
const TCVN3_CASES: Array<[string, string]> = [
  ['ViÖt Nam', 'Việt Nam'],
  ['Hµ Néi', 'Hà Nội'],
  ['TrÎ em', 'Trẻ em'],
  ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
  ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
  ['Uû ban nh©n d©n tØnh Qu¶ng Ng·i', 'Uỷ ban nhân dân tỉnh Quảng Ngãi'],
  ['Së Gi¸o dôc vµ §µo t¹o', 'Sở Giáo dục và Đào tạo'],
  ['NguyÔn V¨n An', 'Nguyễn Văn An'],
  ['Thµnh phè Hå ChÝ Minh', 'Thành phố Hồ Chí Minh'],
  ['Bé T\u00AD ph¸p', 'Bộ Tư pháp'],
  ['HiÕp d©m ng\u00ADêi d\u00ADíi 16 tuæi', 'Hiếp dâm người dưới 16 tuổi'],
  ['Lª ThÞ Hoa', 'Lê Thị Hoa'],
  ['Ph¹m Quúnh Anh', 'Phạm Quỳnh Anh'],
  ['§iÖn tho¹i: 0912 345 678', 'Điện thoại: 0912 345 678'],
  ['Phßng chèng x©m h¹i trÎ em', 'Phòng chống xâm hại trẻ em'],
  ['N÷', 'Nữ'],
  ['VIÖT NAM', 'VIỆT NAM'],
  ['NGUYÔN V¡N A', 'NGUYỄN VĂN A'],
  ['Giíi tÝnh', 'Giới tính'],
  ['Sè ®iÖn tho¹i', 'Số điện thoại'],
  ['Hä vµ tªn', 'Họ và tên'],
];

const VNI_CASES: Array<[string, string]> = [
  ['Vieät Nam', 'Việt Nam'],
  ['Haø Noäi', 'Hà Nội'],
  ['Treû em', 'Trẻ em'],
  ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
  ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
  ['Sôû Giaùo duïc vaø Ñaøo taïo', 'Sở Giáo dục và Đào tạo'],
  ['Nguyeãn Vaên An', 'Nguyễn Văn An'],
  ['Thaønh phoá Hoà Chí Minh', 'Thành phố Hồ Chí Minh'],
  ['Uûy ban nhaân daân tænh Quaûng Ngaõi', 'Ủy ban nhân dân tỉnh Quảng Ngãi'],
  ['Hieáp daâm ngöôøi döôùi 16 tuoåi', 'Hiếp dâm người dưới 16 tuổi'],
  ['Tröôøng Tieåu hoïc', 'Trường Tiểu học'],
  ['Boû rôi, boû maëc', 'Bỏ rơi, bỏ mặc'],
  ['Leâ Thò Hoa', 'Lê Thị Hoa'],
  ['Phaïm Quyønh Anh', 'Phạm Quỳnh Anh'],
  ['Quaän 1', 'Quận 1'],
  ['Nöõ', 'Nữ'],
  ['VIEÄT NAM', 'VIỆT NAM'],
  ['TRÖÔØNG ÑAÏI HOÏC', 'TRƯỜNG ĐẠI HỌC'],
  ['THAØNH PHOÁ', 'THÀNH PHỐ'],
  ['Hoï vaø teân', 'Họ và tên'],
  ['Ñòa chæ', 'Địa chỉ'],
  ['Nöõ giôùi', 'Nữ giới'],
];

const ORDINARY = [
  'Sở Giáo dục và Đào tạo',
  'Xã Tân Phú',
  'Bỏ rơi, bỏ mặc',
  'Hiếp dâm người dưới 16 tuổi',
  'Hoà Bình',
  'XÃ TÂN PHÚ',
  'Café',
  'naïve',
  'Müller',
  'Le café est très bon',
  'São Paulo',
  'Crème brûlée',
  'Ångström',
  'José Martí',
  'Nguyen Van A',
  'Tổng số: 12',
  'Cá bò và tôm',
  'Ông Bà',
  'Là sé thé',
  'Noël',
  'Señor',
  'Gábor',
  'Søren Kierkegaard',
  'Company®',
  '© 2024',
  '«Bonjour»',
  'Liều 5µg',
  '5µg',
  '',
];

const isNfc = (s: string): boolean => s === s.normalize('NFC');

describe('TCVN3', () => {
  it.each(TCVN3_CASES)('converts %s', (legacy, unicode) => {
    expect(convertLegacyText(legacy, 'tcvn3')).toBe(unicode);
  });

  it.each(TCVN3_CASES)('detects and converts %s', (legacy, unicode) => {
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
    const result = toUnicodeText(legacy);
    expect(result).toEqual({ text: unicode, encoding: 'tcvn3' });
    expect(isNfc(result.text)).toBe(true);
  });

  it('maps the whole lower-case table and the 0xA1–0xA7 capitals', () => {
    const legacy = 'µ¶·¸¹ ¨»¼½¾Æ ©ÇÈÉÊË ÌÎÏÐÑ ªÒÓÔÕÖ ×ØÜÝÞ ßáâãä «åæçèé ¬êëìíî ïñòóô \u00ADõö÷øù úûüýþ ® ¡¢£¤¥¦§';
    const unicode = 'àảãáạ ăằẳẵắặ âầẩẫấậ èẻẽéẹ êềểễếệ ìỉĩíị òỏõóọ ôồổỗốộ ơờởỡớợ ùủũúụ ưừửữứự ỳỷỹýỵ đ ĂÂÊÔƠƯĐ';
    expect(convertLegacyText(legacy, 'tcvn3')).toBe(unicode);
  });

  it('leaves ASCII, digits and characters outside the table alone', () => {
    expect(convertLegacyText('Sè 123/2024 - UBND', 'tcvn3')).toBe('Số 123/2024 - UBND');
    expect(convertLegacyText('à À', 'tcvn3')).toBe('à À');
  });
});

describe('VNI', () => {
  it.each(VNI_CASES)('converts %s', (legacy, unicode) => {
    expect(convertLegacyText(legacy, 'vni')).toBe(unicode);
  });

  it.each(VNI_CASES)('detects and converts %s', (legacy, unicode) => {
    expect(detectLegacyEncoding(legacy)).toBe('vni');
    const result = toUnicodeText(legacy);
    expect(result).toEqual({ text: unicode, encoding: 'vni' });
    expect(isNfc(result.text)).toBe(true);
  });

  it('maps every mark, the stand-alone letters and the upper-case codes', () => {
    const legacy =
      'aø aû aõ aù aï aê aè aú aü aé aë aâ aà aå aã aá aä eâ eá ñ Ñ oâ ô ôù Ô ÔØ ö öï Ö ÖÕ ì æ ó í ò î Ì Æ Ó Í Ò Î ' +
      'AØ AÛ AÕ AÙ AÏ AÊ AÈ AÚ AÜ AÉ AË AÂ AÀ AÅ AÃ AÁ AÄ yø yû yõ yù';
    const unicode = 'à ả ã á ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ ê ế đ Đ ô ơ ớ Ơ Ờ ư ự Ư Ữ ì ỉ ĩ í ị ỵ Ì Ỉ Ĩ Í Ị Ỵ ' + 'À Ả Ã Á Ạ Ă Ằ Ẳ Ẵ Ắ Ặ Â Ầ Ẩ Ẫ Ấ Ậ ỳ ỷ ỹ ý';
    expect(convertLegacyText(legacy, 'vni')).toBe(unicode);
  });

  it('converts ambiguous words when the encoding is given', () => {
    expect(convertLegacyText('Vónh Long', 'vni')).toBe('Vĩnh Long');
    expect(convertLegacyText('chính trò', 'vni')).toBe('chính trị');
    // A single ordinary accent after a/o/u is too weak to call on its own, but converts when asked.
    expect(detectLegacyEncoding('Caùc em')).toBeNull();
    expect(convertLegacyText('Caùc em', 'vni')).toBe('Các em');
  });

  it('keeps diacritic codes that do not follow a vowel', () => {
    expect(convertLegacyText('Café 25', 'vni')).toBe('Café 25');
  });
});

describe('round trip through a hand-written inverse of a few letters', () => {
  // Independent of the module's tables: Unicode letter → [TCVN3, VNI].
  const inverse: Record<string, [string, string]> = {
    ệ: ['Ö', 'eä'],
    à: ['µ', 'aø'],
    ộ: ['é', 'oä'],
    ẻ: ['Î', 'eû'],
    ư: ['\u00AD', 'ö'],
    ờ: ['ê', 'ôø'],
    đ: ['®', 'ñ'],
    ỉ: ['Ø', 'æ'],
    ữ: ['÷', 'öõ'],
    ặ: ['Æ', 'aë'],
    ấ: ['Ê', 'aá'],
    ố: ['è', 'oá'],
    ơ: ['¬', 'ô'],
    ụ: ['ô', 'uï'],
    ứ: ['ø', 'öù'],
    ầ: ['Ç', 'aà'],
    ề: ['Ò', 'eà'],
    ủ: ['ñ', 'uû'],
    ô: ['«', 'oâ'],
    Đ: ['§', 'Ñ'],
    Ư: ['¦', 'Ö'],
  };
  const encode = (text: string, which: 0 | 1): string => [...text].map((ch) => inverse[ch]?.[which] ?? ch).join('');
  const sentences = ['Việt Nam', 'Hà Nội', 'Trẻ em', 'người đứng đầu', 'đặt vấn đề', 'Bộ Công an', 'Tỉnh ủy', 'Đường ô tô'];

  it.each(sentences)('TCVN3 and VNI round trip %s', (sentence) => {
    expect(convertLegacyText(encode(sentence, 0), 'tcvn3')).toBe(sentence);
    expect(convertLegacyText(encode(sentence, 1), 'vni')).toBe(sentence);
    expect(toUnicodeText(encode(sentence, 0)).encoding).toBe('tcvn3');
    expect(toUnicodeText(encode(sentence, 1)).encoding).toBe('vni');
  });
});

describe('ordinary text is not legacy', () => {
  it.each(ORDINARY)('%s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
    expect(toUnicodeText(text)).toEqual({ text: text.normalize('NFC'), encoding: null });
  });

  it('normalises decomposed Unicode Vietnamese to NFC without calling it legacy', () => {
    const nfd = 'Cộng hòa xã hội chủ nghĩa Việt Nam'.normalize('NFD');
    expect(detectLegacyEncoding(nfd)).toBeNull();
    const result = toUnicodeText(nfd);
    expect(result.encoding).toBeNull();
    expect(result.text).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(isNfc(result.text)).toBe(true);
  });
});

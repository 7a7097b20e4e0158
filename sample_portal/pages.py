"""Pages that are not news: profile, contact, announcements, gallery, documents.

Shared by both themes. Announcements deliberately carry no date meta line: a crawler
must not mistake them for articles.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StaticPage:
    title: str
    paragraphs: tuple[str, ...]


PROFIL = StaticPage(
    "Profil Kota Tangerang",
    (
        "Kota Tangerang terletak di Provinsi Banten dan berbatasan langsung dengan DKI "
        "Jakarta. Kota ini terdiri atas 13 kecamatan dan 104 kelurahan dengan luas wilayah "
        "sekitar 164,55 kilometer persegi.",
        "Visi pembangunan daerah adalah mewujudkan Kota Tangerang yang maju, sejahtera, "
        "berakhlakul karimah dan berwawasan lingkungan.",
        "Sungai Cisadane yang membelah kota menjadi ruang publik, sumber air baku, sekaligus "
        "pusat kegiatan budaya masyarakat.",
    ),
)

KONTAK = StaticPage(
    "Kontak Kami",
    (
        "Pusat Pemerintahan Kota Tangerang, Jl. Satria Sudirman No. 1, Sukaasih, Kecamatan "
        "Tangerang, Kota Tangerang, Banten 15111.",
        "Telepon: (021) 5555-0100 (contoh). Surel: humas@pemkot.example.",
        "Layanan pengaduan masyarakat dapat disampaikan melalui SP4N-LAPOR! atau datang "
        "langsung ke Mal Pelayanan Publik pada hari kerja pukul 08.00 - 15.00 WIB.",
    ),
)

KEBIJAKAN_PRIVASI = StaticPage(
    "Kebijakan Privasi",
    (
        "Situs ini adalah portal contoh untuk pengujian perangkat lunak Warta dan bukan situs "
        "resmi Pemerintah Kota Tangerang. Seluruh berita selain tiga artikel pertama "
        "dihasilkan secara otomatis, dan nama pejabat di dalamnya adalah rekaan.",
        "Situs ini menyimpan cookie hanya untuk mengingat persetujuan Anda atas pemberitahuan "
        "cookie.",
    ),
)

# slug -> announcement; printed with no date meta line
ANNOUNCEMENTS: dict[str, StaticPage] = {
    "jadwal-pelayanan-mal-pelayanan-publik-selama-libur-nasional": StaticPage(
        "Jadwal Pelayanan Mal Pelayanan Publik Selama Libur Nasional",
        (
            "Diberitahukan kepada seluruh masyarakat bahwa selama libur nasional dan cuti "
            "bersama, layanan tatap muka di Mal Pelayanan Publik Kota Tangerang ditiadakan.",
            "Layanan daring tetap dapat diakses melalui aplikasi Tangerang LIVE. Pelayanan "
            "tatap muka kembali dibuka pada hari kerja berikutnya.",
        ),
    ),
    "seleksi-terbuka-jabatan-pimpinan-tinggi-pratama": StaticPage(
        "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama",
        (
            "Panitia seleksi mengundang Pegawai Negeri Sipil yang memenuhi persyaratan untuk "
            "mengikuti seleksi terbuka Jabatan Pimpinan Tinggi Pratama di lingkungan "
            "Pemerintah Kota Tangerang.",
            "Berkas lamaran disampaikan melalui laman resmi BKPSDM. Keputusan panitia seleksi "
            "bersifat mutlak dan tidak dapat diganggu gugat.",
        ),
    ),
    "pemadaman-air-bersih-wilayah-cipondoh": StaticPage(
        "Pemberitahuan Gangguan Distribusi Air Bersih Wilayah Cipondoh",
        (
            "Sehubungan dengan pekerjaan perbaikan pipa transmisi, distribusi air bersih ke "
            "sebagian wilayah Kecamatan Cipondoh akan terganggu selama 12 jam.",
            "Pelanggan diimbau menampung air secukupnya. Mohon maaf atas ketidaknyamanannya.",
        ),
    ),
}

# (image file under the theme's upload folder, caption)
GALLERY: tuple[tuple[str, str], ...] = (
    ("galeri-hut-kota-tangerang.jpg", "Kirab budaya HUT Kota Tangerang"),
    ("galeri-festival-cisadane.jpg", "Perahu naga di Festival Cisadane"),
    ("galeri-car-free-day.jpg", "Senam bersama saat car free day"),
    ("galeri-pasar-murah.jpg", "Antrean warga di pasar murah"),
    ("galeri-adipura.jpg", "Penyerahan piala Adipura"),
    ("galeri-musrenbang.jpg", "Musrenbang tingkat kota"),
)

# file name -> title; served as application/pdf
DOCUMENTS: dict[str, str] = {
    "rpjmd-2025-2029.pdf": "RPJMD Kota Tangerang 2025-2029",
    "lkpj-wali-kota-2024.pdf": "LKPJ Wali Kota Tangerang Tahun 2024",
}

LAPOR_URL = "https://lapor.go.id/"  # where /tautan/pengaduan redirects (302, off the portal)
NATIONAL_PORTAL = "https://www.indonesia.go.id"
SOCIAL = (
    ("Instagram", "https://www.instagram.com/pemkot.contoh"),
    ("Facebook", "https://www.facebook.com/pemkot.contoh"),
    ("YouTube", "https://www.youtube.com/@pemkot.contoh"),
    ("X", "https://x.com/pemkot_contoh"),
)

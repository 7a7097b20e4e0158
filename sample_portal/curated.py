"""Articles 1-3, written by hand: the fixed points end-to-end tests check field by field.

Article 1 is the page the project started from (tangerangkota.go.id, 22 January 2025,
shared/seed/); 2 and 3 are written for the sample portal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .timeline import WIB


@dataclass(frozen=True)
class Curated:
    title: str
    slug: str
    published: datetime
    date_style: int  # formats.DATE_STYLES index (pemkot meta line)
    wp_date_style: int  # 0: '22 Januari 2025', 1: 'Januari 22, 2025'
    view_count: int
    tags: tuple[str, ...]
    author: str  # shown by the WordPress theme only
    image_name: str
    caption: str
    paragraphs: tuple[str, ...]
    baca_juga: int | None = None  # id of the article a 'Baca juga:' paragraph links to
    baca_juga_after: int = 0  # ... printed after this many body paragraphs
    credit: str | None = None  # 'Editor: ...' line closing the body


_SEED_TITLE = (
    "Pemkot Tangerang Raih Opini Kualitas Tertinggi Kepatuhan Penyelenggaraan Pelayanan Publik"
)

CURATED: dict[int, Curated] = {
    1: Curated(
        title=_SEED_TITLE,
        slug="pemkot-tangerang-raih-opini-kualitas-tertinggi-kepatuhan-penyelenggaraan-pelayanan-publik",
        published=datetime(2025, 1, 22, 18, 26, tzinfo=WIB),
        date_style=0,
        wp_date_style=0,
        view_count=61,
        tags=("kota tangerang",),
        author="Redaksi",
        image_name="penghargaan-ombudsman-2025.jpg",
        caption=_SEED_TITLE,
        paragraphs=(
            "Pemerintah Kota (Pemkot) Tangerang di awal 2025 kembali mendapatkan penghargaan. "
            "Kali ini, Pemkot Tangerang mendapatkan predikat Opini Kualitas Tertinggi pada "
            "Kepatuhan Penyelenggaraan Pelayanan Publik dari Ombudsman RI Perwakilan Provinsi "
            "Banten.",
            "Penjabat (Pj) Wali Kota Tangerang Dr. Nurdin mengungkapkan, penilaian ini menjadi "
            "motivasi bagi semua kepala OPD di lingkup Pemkot Tangerang. Selanjutnya, tata "
            "kelola internal terus diperbaiki untuk menjaga kualitas pelayanan publik.",
            '"Alhamdulillah, dari penilaian ini Kota Tangerang mendapatkan Kategori A Zona Hijau '
            "dengan nilai 94.76. Semoga, menjadi motivasi untuk terus meningkatkan pelayanan "
            "kepada masyarakat. Tata kelola internal terus dilakukan, penilaian kinerja juga "
            "diperketat. Sehingga, dengan berbagai instrumen ini diharapkan seluruh ASN "
            'berlomba-lomba untuk mencapai kinerja pelayanan terbaik," ungkapnya.',
            "Sementara itu, Kepala Ombudsman RI Perwakilan Provinsi Banten Fadli Afriadi "
            "menuturkan, Pemkot Tangerang mampu mempertahankan kinerja baiknya dibuktikan "
            "dengan peningkatan nilai yang sebelumnya 93.21 di tahun 2023. Diharapkan, Pemkot "
            "Tangerang mampu menjaga konsistensi dalam melayani masyarakat Kota Tangerang.",
            '"Kami ucapkan selamat kepada Pemkot Tangerang yang telah mampu menjaga konsistensi '
            "dalam memberikan pelayanan publik yang baik bagi masyarakat Kota Tangerang. Banyak "
            "sekali peningkatan dan capaian ini, perlu dijaga dan dipertahankan. Kami harap, "
            "Pemkot Tangerang juga mampu menjaga pelayanan yang terbaik, bekerja dengan "
            "sebaik-baiknya dan kami yakin pekerjaan yang baik akan diapresiasi oleh "
            'masyarakat," tutupnya.',
            "Sebagai informasi, berikut adalah hasil penilaian enam unit layanan pada Kepatuhan "
            "Penyelenggaraan Pelayanan Publik yaitu, Puskesmas Neglasari dengan nilai 96.03, "
            "DPMPTSP dengan nilai 95.98, Dinas Sosial dengan nilai 95.55, Puskesmas Pasar Baru "
            "dengan nilai 94.31, Dinas Pendidikan dengan nilai 93.58, dan Disdukcapil dengan "
            "nilai 93.08.",
        ),
    ),
    2: Curated(
        title="Jelang Imlek, Disperindag Kota Tangerang Pantau Harga Bahan Pokok di Pasar Anyar",
        slug="jelang-imlek-disperindag-kota-tangerang-pantau-harga-bahan-pokok-di-pasar-anyar",
        published=datetime(2025, 1, 23, 9, 15, tzinfo=WIB),
        date_style=0,
        wp_date_style=0,
        view_count=1234,
        tags=("imlek", "harga bahan pokok", "pasar anyar"),
        author="Dini Aryani",
        image_name="pantau-harga-pasar-anyar.jpg",
        caption="Petugas Disperindag memeriksa harga cabai di Pasar Anyar, Kamis (23/1/2025).",
        paragraphs=(
            "TANGERANG – Menjelang perayaan Tahun Baru Imlek 2576 Kongzili, Dinas Perindustrian "
            "dan Perdagangan (Disperindag) Kota Tangerang memantau harga dan ketersediaan bahan "
            "pokok di Pasar Anyar, Kecamatan Tangerang, Kamis (23/1/2025).",
            "Dari hasil pemantauan, harga sejumlah komoditas terpantau stabil. Beras medium "
            "dijual Rp 13.500 per kilogram, minyak goreng kemasan Rp 18.000 per liter, dan gula "
            "pasir Rp 17.500 per kilogram. Kenaikan terjadi pada cabai rawit merah yang kini "
            "mencapai Rp 70.000 per kilogram.",
            "Kepala Disperindag Kota Tangerang Dewi Anggraini mengatakan, kenaikan harga cabai "
            "dipengaruhi curah hujan tinggi di daerah sentra produksi sehingga pasokan ke pasar "
            "berkurang.",
            '"Secara umum stok bahan pokok aman hingga Imlek dan menjelang Ramadan. Kami akan '
            'terus memantau setiap pekan bersama Satgas Pangan agar tidak ada penimbunan," '
            "ujarnya.",
            "Ia juga mengimbau masyarakat untuk berbelanja secukupnya dan tidak terpengaruh isu "
            "kelangkaan. Pemkot Tangerang, lanjutnya, siap menggelar pasar murah di 13 "
            "kecamatan apabila harga terus merangkak naik.",
        ),
        baca_juga=1,
        baca_juga_after=2,
        credit="Editor: Rina Marlina",
    ),
    3: Curated(
        title="Dinkes Kota Tangerang Perkuat Posyandu untuk Tekan Angka Stunting",
        slug="dinkes-kota-tangerang-perkuat-posyandu-untuk-tekan-angka-stunting",
        published=datetime(2025, 1, 23, 14, 40, tzinfo=WIB),
        date_style=1,
        wp_date_style=1,
        view_count=2150,
        tags=("stunting", "posyandu"),
        author="Fikri Maulana",
        image_name="posyandu-stunting-dinkes.jpg",
        caption="Kader posyandu mengukur tinggi badan balita di Kecamatan Cipondoh.",
        paragraphs=(
            "TANGERANG – Dinas Kesehatan (Dinkes) Kota Tangerang memperkuat peran 1.043 "
            "posyandu di 13 kecamatan sebagai garda terdepan penurunan angka stunting. "
            "Penguatan dilakukan melalui pelatihan kader dan pembagian alat antropometri "
            "terstandar.",
            "Kepala Dinas Kesehatan Kota Tangerang dr. Lestari Wulandari mengatakan, berdasarkan "
            "Survei Status Gizi Indonesia, prevalensi stunting di Kota Tangerang turun dari "
            "11,8 persen menjadi 9,4 persen.",
            '"Kader posyandu yang paling dekat dengan keluarga. Dengan alat ukur yang '
            "terstandar, balita yang berisiko bisa terdeteksi lebih awal dan segera ditangani "
            'puskesmas," kata Lestari di Puskesmas Cipondoh, Kamis (23/1/2025).',
            "Selain penimbangan rutin, posyandu juga menjadi tempat pemberian makanan tambahan "
            "bagi ibu hamil dan balita, kelas ibu balita, serta edukasi gizi seimbang.",
            "Pada tahun 2025, Pemkot Tangerang menargetkan prevalensi stunting turun di bawah "
            "8 persen melalui kolaborasi dengan 104 kelurahan, tim penggerak PKK dan mitra "
            "swasta.",
        ),
    ),
}

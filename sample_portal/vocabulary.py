"""Words the sample portal's articles are built from: places, officials, people, calendar.

Places are Kota Tangerang's real kecamatan and kelurahan; every person's name is invented
(the portal is a test site, so no real official is quoted saying generated things).
"""

from __future__ import annotations

CITY = "Kota Tangerang"

# kecamatan -> some of its kelurahan
KECAMATAN: dict[str, tuple[str, ...]] = {
    "Tangerang": ("Sukarasa", "Babakan", "Buaran Indah", "Tanah Tinggi", "Sukasari"),
    "Jatiuwung": ("Gandasari", "Alam Jaya", "Manis Jaya", "Keroncong"),
    "Batuceper": ("Poris Gaga", "Batuceper", "Kebon Besar", "Batujaya"),
    "Benda": ("Jurumudi", "Belendung", "Pajang", "Benda"),
    "Cipondoh": ("Cipondoh Indah", "Poris Plawad", "Kenanga", "Gondrong", "Ketapang", "Petir"),
    "Ciledug": ("Sudimara Barat", "Paninggilan", "Tajur", "Parung Serab"),
    "Karawaci": ("Nusa Jaya", "Bugel", "Pabuaran", "Koang Jaya", "Sukajadi", "Cimone"),
    "Periuk": ("Gebang Raya", "Sangiang Jaya", "Periuk Jaya", "Gembor"),
    "Cibodas": ("Panunggangan Barat", "Uwung Jaya", "Cibodasari", "Jatiuwung"),
    "Neglasari": ("Karang Sari", "Kedaung Wetan", "Selapajang Jaya", "Mekarsari"),
    "Pinang": ("Panunggangan", "Kunciran", "Nerogtog", "Kunciran Indah"),
    "Karang Tengah": ("Pedurenan", "Karang Timur", "Parung Jaya", "Pondok Bahar"),
    "Larangan": ("Larangan Utara", "Kreo", "Gaga", "Cipadu"),
}

# one invented camat per kecamatan, so the same camat speaks for the same place everywhere
CAMAT: dict[str, str] = {
    "Tangerang": "Rudi Hartawan",
    "Jatiuwung": "Slamet Riyadi",
    "Batuceper": "Hendra Saputra",
    "Benda": "Ujang Suherman",
    "Cipondoh": "Dedi Kurniawan",
    "Ciledug": "Yanti Rosdiana",
    "Karawaci": "Fajar Nugraha",
    "Periuk": "Ahmad Syarifudin",
    "Cibodas": "Lina Marlina",
    "Neglasari": "Sutrisno",
    "Pinang": "Hasan Basri",
    "Karang Tengah": "Wawan Setiawan",
    "Larangan": "Eko Prasetyo",
}

# role -> (how the first mention reads, the surname used afterwards)
OFFICIALS: dict[str, tuple[str, str]] = {
    "walikota": ("Wali Kota Tangerang Ahmad Fauzan", "Fauzan"),
    "wawalkot": ("Wakil Wali Kota Tangerang Rini Kusumawati", "Rini"),
    "sekda": ("Sekretaris Daerah (Sekda) Kota Tangerang Yusuf Hidayat", "Yusuf"),
    "dinkes": ("Kepala Dinas Kesehatan Kota Tangerang dr. Lestari Wulandari", "Lestari"),
    "dindik": ("Kepala Dinas Pendidikan Kota Tangerang Asep Saepudin", "Asep"),
    "pupr": ("Kepala Dinas PUPR Kota Tangerang Irwan Setiawan", "Irwan"),
    "bpbd": ("Kepala Pelaksana BPBD Kota Tangerang Maulana Ishak", "Maulana"),
    "dlh": ("Kepala Dinas Lingkungan Hidup (DLH) Kota Tangerang Rizal Fahmi", "Rizal"),
    "disdukcapil": ("Kepala Disdukcapil Kota Tangerang Nurul Aini", "Nurul"),
    "dinkop": ("Kepala Dinas Koperasi dan UKM Kota Tangerang Hadi Prasetyo", "Hadi"),
    "disperindag": ("Kepala Disperindag Kota Tangerang Dewi Anggraini", "Dewi"),
    "bappeda": ("Kepala Bappeda Kota Tangerang Teguh Santoso", "Teguh"),
    "disnaker": ("Kepala Dinas Ketenagakerjaan Kota Tangerang Budi Hartono", "Budi"),
    "dishub": ("Kepala Dinas Perhubungan Kota Tangerang Agus Wibowo", "Agus"),
    "bapenda": ("Kepala Bapenda Kota Tangerang Fitri Handayani", "Fitri"),
    "dinsos": ("Kepala Dinas Sosial Kota Tangerang Mulyadi", "Mulyadi"),
    "dp3ap2kb": ("Kepala DP3AP2KB Kota Tangerang Ratna Sari", "Ratna"),
    "disbudpar": ("Kepala Disbudpar Kota Tangerang Indra Gunawan", "Indra"),
    "bkpsdm": ("Kepala BKPSDM Kota Tangerang Sri Wahyuni", "Sri"),
}

# Residents quoted in articles (name, age)
WARGA: tuple[tuple[str, int], ...] = (
    ("Sumarni", 45),
    ("Joko Susilo", 52),
    ("Nurhasanah", 38),
    ("Dadang", 61),
    ("Siti Aminah", 42),
    ("Rohman", 35),
    ("Euis Kartika", 29),
    ("Bambang Irawan", 57),
    ("Yuliani", 33),
    ("Mamat Rahmat", 48),
    ("Wulan Sari", 27),
    ("Haji Sanusi", 64),
)

REPORTERS: tuple[str, ...] = (
    "Rangga Pratama",
    "Dini Aryani",
    "Fikri Maulana",
    "Anisa Rahmawati",
    "Yoga Prasetya",
    "Tri Wahyudi",
    "Meilani Putri",
)

EDITORS: tuple[str, ...] = ("Rina Marlina", "Hendra Kusuma", "Dewanti Lestari", "Arif Budiman")

COMMENTERS: tuple[str, ...] = (
    "Warga Cipondoh",
    "Andi S.",
    "Ibu Yati",
    "rudi_tng",
    "Nur Fadilah",
    "Pak RT 05",
)

COMMENTS: tuple[str, ...] = (
    "Alhamdulillah, semoga terus ditingkatkan. Terima kasih Pemkot.",
    "Mohon di wilayah kami juga segera ditindaklanjuti, Pak.",
    "Mantap, pelayanannya makin cepat sekarang.",
    "Informasinya sangat membantu, ditunggu kabar selanjutnya.",
    "Semoga programnya merata sampai ke tingkat RT.",
    "Kapan jadwal untuk kelurahan kami ya min?",
)

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# "Agu" and "Des" as Indonesian portals abbreviate them (malangkab, detik)
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

QUOTE_VERBS = (
    "ujarnya",
    "katanya",
    "ungkapnya",
    "jelasnya",
    "tuturnya",
    "tambahnya",
    "terangnya",
    "imbuhnya",
)
CLOSING_VERBS = ("pungkasnya", "tutupnya", "pungkas {short}", "tutup {short}")

# Indonesian datelines use an en dash (some portals a plain hyphen)
DATELINES = ("TANGERANG \u2013 ", "TANGERANG \u2013 ", "KOTA TANGERANG \u2013 ", "Tangerang - ")

# Paragraphs any topic may use between its own ones
GENERIC_DETAILS: tuple[str, ...] = (
    "Kegiatan tersebut turut dihadiri unsur Forkopimcam {kec}, para lurah, ketua RT dan RW, "
    "serta tokoh masyarakat setempat.",
    "Menurutnya, program ini merupakan bagian dari upaya Pemkot Tangerang mewujudkan "
    "pelayanan yang cepat, mudah, dan dekat dengan masyarakat.",
    "Ia menambahkan, seluruh layanan tersebut tidak dipungut biaya. Masyarakat cukup membawa "
    "KTP elektronik dan kartu keluarga saat datang ke lokasi.",
    "Pemkot Tangerang, lanjutnya, juga akan melakukan evaluasi setiap tiga bulan agar "
    "pelaksanaan program di 13 kecamatan dan 104 kelurahan berjalan merata.",
    "Hingga berita ini diturunkan, tercatat {n} warga telah memanfaatkan layanan tersebut.",
    "Informasi lebih lanjut dapat diperoleh melalui kanal pengaduan SP4N-LAPOR! maupun akun "
    "media sosial resmi Pemkot Tangerang.",
)

GENERIC_QUOTES: tuple[str, ...] = (
    '"Kami mengajak seluruh warga untuk ikut terlibat dan mendukung program ini. Tanpa '
    'partisipasi masyarakat, hasilnya tidak akan maksimal,"',
    '"Kolaborasi antara pemerintah, swasta dan masyarakat menjadi kunci. Kami ingin manfaatnya '
    'benar-benar dirasakan sampai tingkat RT,"',
    '"Ini sudah menjadi komitmen kami sejak awal tahun. Target kami seluruh kelurahan tuntas '
    'sebelum akhir {tahun},"',
)

WARGA_QUOTES: tuple[str, ...] = (
    '"Sangat terbantu sekali, biasanya harus antre lama. Sekarang lebih cepat dan petugasnya '
    'ramah,"',
    '"Semoga kegiatan seperti ini rutin diadakan, karena warga di sini sangat membutuhkan,"',
    '"Tadi datang jam tujuh pagi, alhamdulillah jam sembilan sudah selesai,"',
)

GENERIC_CLOSINGS: tuple[str, ...] = (
    "Ke depan, pihaknya berharap sinergi antara perangkat daerah dan masyarakat terus "
    "terjaga sehingga pembangunan di Kota Tangerang semakin dirasakan manfaatnya.",
    "Pemkot Tangerang mengimbau masyarakat untuk terus memantau informasi resmi melalui "
    "laman tangerangkota.go.id dan aplikasi Tangerang LIVE.",
    "Kegiatan ditutup dengan penyerahan cendera mata dan foto bersama.",
)

PHOTO_CAPTIONS = (
    "Suasana kegiatan di Kecamatan {kec}, {hari}.",
    "{pejabat_singkat} saat meninjau lokasi di Kelurahan {kel}.",
    "Dokumentasi Humas Pemkot Tangerang.",
)

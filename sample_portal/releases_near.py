"""Near misses: a portal's own reporting on the topic of a pool release, in other words.

They share a subject with the release they resemble and, as local stories do, echo one
of its sentences; the rest is their own, so a near-duplicate detector that clusters them
with the release is wrong (word 5-shingle Jaccard stays well under 0.3).
"""

from __future__ import annotations

from .release import NearMiss

NEAR_MISSES: tuple[NearMiss, ...] = (
    NearMiss(
        "warga-periuk-keruk-saluran",
        "banten-cuaca-ekstrem",
        "Musim Hujan Tiba, Warga Periuk Gotong Royong Keruk Saluran Air",
        (
            "TANGERANG \u2013 Puluhan warga Perumahan Total Persada, Kelurahan Gembor, "
            "Kecamatan Periuk, bergotong royong mengeruk lumpur dan sampah di saluran air "
            "lingkungan mereka, Minggu pagi. Kegiatan itu dilakukan setelah genangan setinggi "
            "lutut sempat merendam jalan perumahan pekan lalu.",
            "Ketua RW 09 Sarmili mengatakan, endapan lumpur di saluran sekunder sudah hampir "
            "setinggi bibir got sehingga air hujan tidak lagi mengalir ke Kali Sabi. Warga "
            "mengumpulkan iuran untuk menyewa pompa dan membeli karung.",
            "Sebelumnya, BPBD Provinsi Banten menetapkan status siaga darurat bencana "
            "hidrometeorologi selama 60 hari ke depan menyusul peringatan dini cuaca ekstrem "
            "dari BMKG.",
            '"Kalau menunggu giliran dari dinas bisa lama, jadi kami mulai sendiri dulu. '
            'Alhamdulillah kelurahan juga mengirim truk untuk mengangkut sampahnya," tutur '
            "Sarmili.",
            "Lurah Gembor Iwan Kurniadi yang ikut turun ke lokasi menyebut ada empat titik di "
            "wilayahnya yang selalu tergenang setiap hujan deras. Ia berjanji mengusulkan "
            "pelebaran gorong-gorong di ujung jalan perumahan dalam musrenbang tahun depan.",
            "Menjelang sore, sedikitnya enam truk sampah dan lumpur telah diangkut ke tempat "
            "pembuangan. Warga berencana mengulang kerja bakti serupa setiap bulan selama musim "
            "penghujan.",
        ),
        ("banjir", "kerja bakti", "kecamatan periuk"),
        "Warga Gembor mengangkat lumpur dari saluran air perumahan.",
        "Pewarta: Yoga Prasetya",
    ),
    NearMiss(
        "antrean-cek-kesehatan-cipondoh",
        "banten-cek-kesehatan",
        "Antrean Cek Kesehatan Gratis di Puskesmas Cipondoh Mengular Sejak Subuh",
        (
            "TANGERANG \u2013 Sejak pukul lima pagi, puluhan warga sudah duduk di teras "
            "Puskesmas Cipondoh menunggu giliran diperiksa. Sebagian besar dari mereka datang "
            "karena kabar di grup WhatsApp bahwa pemeriksaan di hari ulang tahun tidak dipungut "
            "biaya.",
            "Suminah (67), warga Kelurahan Poris Plawad, mengaku baru pertama kali memeriksakan "
            "gula darah seumur hidupnya. Ia datang diantar cucunya yang sudah mendaftarkan lewat "
            "telepon genggam malam sebelumnya.",
            "Program Cek Kesehatan Gratis (CKG) kini dapat diakses di seluruh puskesmas di "
            "Provinsi Banten bagi warga pada hari ulang tahunnya atau paling lambat 30 hari "
            "setelahnya.",
            '"Katanya kolesterol saya agak tinggi, disuruh kurangi gorengan dan kontrol lagi '
            'bulan depan. Untung ketahuan sekarang," ujarnya sambil tertawa.',
            "Kepala Puskesmas Cipondoh dr. Rina Oktaviani mengakui petugasnya kewalahan pada "
            "pekan pertama. Puskesmas kini membagi kuota pemeriksaan menjadi dua sesi, pagi dan "
            "siang, serta meminjam dua tenaga analis dari puskesmas pembantu.",
            "Menurut catatan puskesmas, dari 412 warga yang diperiksa selama sebulan terakhir, "
            "hampir sepertiganya baru mengetahui dirinya menderita hipertensi. Mereka langsung "
            "dirujuk ke program pengelolaan penyakit kronis.",
        ),
        ("kesehatan", "puskesmas", "kecamatan cipondoh"),
        "Warga menunggu giliran pemeriksaan di teras Puskesmas Cipondoh.",
        "Pewarta: Meilani Putri",
    ),
    NearMiss(
        "pasar-murah-sudimara-barat",
        "banten-pangan-murah",
        "Pasar Murah di Sudimara Barat Diserbu Warga, Beras Ludes dalam Dua Jam",
        (
            "TANGERANG \u2013 Ratusan ibu rumah tangga memadati halaman Kantor Kelurahan "
            "Sudimara Barat, Kecamatan Ciledug, sejak pagi untuk berbelanja di pasar murah yang "
            "digelar kelurahan bersama sejumlah toko grosir setempat. Stok beras yang disiapkan "
            "ludes kurang dari dua jam.",
            "Sekretaris Kelurahan Sudimara Barat Maya Puspitasari menyebut panitia hanya "
            "menyiapkan 600 karung beras ukuran lima kilogram karena keterbatasan dana sponsor. "
            "Warga yang kehabisan diberi kupon untuk pengambilan pada gelombang berikutnya.",
            "Pasar murah itu melengkapi Gerakan Pangan Murah (GPM) Pemprov Banten yang digelar "
            "serentak di 155 titik yang tersebar di delapan kabupaten dan kota.",
            '"Antusiasnya di luar dugaan. Ke depan kami akan minta tambahan kuota dan membagi '
            'jadwal per RW supaya tidak berdesakan," kata Maya.',
            "Salah satu pembeli, Teti (45), rela mengantre sejak pukul tujuh karena selisih "
            "harganya lumayan untuk kebutuhan sebulan. Ia juga memborong telur untuk persiapan "
            "hajatan keluarganya.",
            "Selain bahan pokok, panitia menyediakan meja konsultasi bagi pelaku usaha rumahan "
            "yang ingin ikut berjualan pada kegiatan serupa bulan depan.",
        ),
        ("pasar murah", "kecamatan ciledug", "harga pangan"),
        "Warga berdesakan membeli beras di halaman Kantor Kelurahan Sudimara Barat.",
        "Editor: Dewanti Lestari",
    ),
    NearMiss(
        "orang-tua-karawaci-bingung-sekolah-gratis",
        "banten-sekolah-gratis",
        "Orang Tua Siswa di Karawaci Masih Bingung Syarat Sekolah Swasta Gratis",
        (
            "TANGERANG \u2013 Sejumlah orang tua calon siswa di Kecamatan Karawaci mendatangi "
            "kantor kelurahan untuk meminta surat keterangan tidak mampu. Mereka mengaku belum "
            "memahami syarat mendaftarkan anak ke SMA swasta yang dibiayai pemerintah.",
            "Rohimah (41), warga Kelurahan Nusa Jaya, mengatakan anak sulungnya tidak lolos "
            "seleksi di SMA negeri terdekat. Ia sempat pasrah karena biaya masuk sekolah swasta "
            "yang ditawarkan tetangganya mencapai jutaan rupiah.",
            "Pemerintah Provinsi Banten membuka pendaftaran program sekolah gratis bagi siswa "
            "SMA, SMK dan SKh swasta mitra untuk tahun ajaran 2025/2026.",
            '"Saya dengar ada yang gratis, tapi tidak tahu sekolah mana saja yang ikut dan '
            'berkasnya apa. Di grup wali murid informasinya simpang siur," ucap Rohimah.',
            "Lurah Nusa Jaya Endang Supriatna mengatakan, dalam sepekan terakhir pihaknya "
            "menerbitkan lebih dari 80 surat keterangan. Kelurahan menyiapkan satu meja khusus "
            "agar pengurusan berkas tidak bercampur dengan layanan administrasi lain.",
            "Sejumlah pengurus RW berencana menggelar pertemuan dengan kepala sekolah swasta di "
            "sekitar Karawaci agar warga mendapat penjelasan langsung mengenai kuota kursi dan "
            "jadwal pendaftaran.",
        ),
        ("pendidikan", "kecamatan karawaci", "spmb"),
        "Orang tua calon siswa mengurus berkas di Kantor Kelurahan Nusa Jaya.",
        "Pewarta: Fikri Maulana",
    ),
)
